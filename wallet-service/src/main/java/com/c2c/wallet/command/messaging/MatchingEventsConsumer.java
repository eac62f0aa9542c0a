package com.c2c.wallet.command.messaging;

import com.c2c.events.EventCatalog;
import com.c2c.events.Topics;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.Subscription;
import com.c2c.wallet.command.TradeCommands;
import jakarta.inject.Singleton;

/**
 * The book's trades: the seller's USDT is locked for each as soon as it is matched, and escrow opens the trade from
 * the wallet's answer (ADR 0028), one hop and one transaction fewer than escrow opening it and asking for the lock.
 */
@Singleton
public class MatchingEventsConsumer {
    MatchingEventsConsumer(EventConsumer consumer, TradeCommands trades) {
        consumer.register(Subscription.of("wallet.matching-events", "matching-events", Topics.MATCHING_EVENTS)
                .on(EventCatalog.TRADE_MATCHED, trades::lockMatched)
                .ignoring(EventCatalog.MARKET_OPENED, EventCatalog.ORDER_REJECTED,
                        EventCatalog.BOOK_QUANTITY_CANCELLED)
                .build());
    }
}
