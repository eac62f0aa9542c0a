package com.c2c.escrow.trade.messaging;

import com.c2c.escrow.trade.TradeOpening;
import com.c2c.events.EventCatalog;
import com.c2c.events.Topics;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.Subscription;
import jakarta.inject.Singleton;

/** Every trade the book matches is opened in escrow. */
@Singleton
public class MatchingEventsConsumer {
    MatchingEventsConsumer(EventConsumer consumer, TradeOpening opening) {
        consumer.register(
                Subscription.of("escrow.matching-events", "matching-events", Topics.MATCHING_EVENTS)
                        .on(EventCatalog.TRADE_MATCHED, opening::open)
                        .ignoring(EventCatalog.MARKET_OPENED, EventCatalog.ORDER_REJECTED,
                                EventCatalog.BOOK_QUANTITY_CANCELLED)
                        .build());
    }
}
