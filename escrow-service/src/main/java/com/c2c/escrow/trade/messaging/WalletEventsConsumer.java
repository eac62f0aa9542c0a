package com.c2c.escrow.trade.messaging;

import com.c2c.escrow.trade.FundsOutcomes;
import com.c2c.events.EventCatalog;
import com.c2c.events.Topics;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.Subscription;
import jakarta.inject.Singleton;

/**
 * The wallet's refusals of escrow's commands move trades on; its other events (ads, deposits) are not escrow's.
 * A trade's funds locked, released or refunded now come on their own topic ({@link TradeFundsConsumer}, ADR
 * 0019); those published here before that move are still applied here.
 */
@Singleton
public class WalletEventsConsumer {
    WalletEventsConsumer(EventConsumer consumer, FundsOutcomes outcomes) {
        consumer.register(TradeFundsConsumer.fundsAnswers(
                Subscription.of("escrow.wallet-events", "wallet-events", Topics.WALLET_EVENTS), outcomes)
                .on(EventCatalog.WALLET_COMMAND_REJECTED, outcomes::rejected)
                // ads' and orders' reservations and credits are the order service's business
                .ignoring(EventCatalog.FUNDS_CREDITED, EventCatalog.DEPOSIT_ADDRESS_ASSIGNED, EventCatalog.OUTGOING_TRANSFER_SIGNED, EventCatalog.AD_FUNDS_RESERVED, EventCatalog.AD_FUNDS_REJECTED,
                        EventCatalog.FUNDS_RESERVED, EventCatalog.RESERVATION_RELEASED,
                        EventCatalog.WITHDRAWAL_STATE_CHANGED)
                .build());
    }
}
