package com.c2c.escrow.trade.messaging;

import com.c2c.escrow.trade.FundsOutcomes;
import com.c2c.events.EventCatalog;
import com.c2c.events.Topics;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.Subscription;
import jakarta.inject.Singleton;

/**
 * The wallet's answers about a trade's funds (locked or refused a lock, released, refunded), which open the trade
 * (ADR 0028) or move it on. They have a topic of their own, read by escrow alone (ADR 0019); the wallet's refusals
 * of escrow's commands stay on wallet events.
 */
@Singleton
public class TradeFundsConsumer {
    TradeFundsConsumer(EventConsumer consumer, FundsOutcomes outcomes) {
        consumer.register(
                fundsAnswers(Subscription.of("escrow.trade-funds", "trade-funds", Topics.TRADE_FUNDS), outcomes)
                        .on(EventCatalog.TRADE_LOCK_REFUSED, outcomes::lockRefused)
                        .build());
    }

    /** The three answers about a trade's funds, applied alike on this topic and where older wallets left them. */
    static Subscription.Builder fundsAnswers(Subscription.Builder subscription, FundsOutcomes outcomes) {
        return subscription
                .on(EventCatalog.FUNDS_LOCKED, outcomes::locked)
                .on(EventCatalog.FUNDS_RELEASED, outcomes::released)
                .on(EventCatalog.FUNDS_REFUNDED, outcomes::refunded);
    }
}
