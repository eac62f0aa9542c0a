package com.c2c.wallet.reservation;

import com.c2c.events.EventCatalog;
import com.c2c.events.Topics;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.Subscription;
import jakarta.inject.Singleton;

/** The wallet's view of order-service's events: a posted SELL ad gets its USDT reserved, once. */
@Singleton
public class OrderEventsConsumer {
    OrderEventsConsumer(EventConsumer consumer, AdReservations reservations) {
        // Most of the topic (orders for the book) is not the wallet's business.
        consumer.register(Subscription.of("wallet.order-events", "order-events", Topics.ORDER_EVENTS)
                .on(EventCatalog.AD_POSTED, reservations::reserve)
                .ignoring(EventCatalog.AD_LISTED, EventCatalog.AD_AMENDED, EventCatalog.AD_WITHDRAWN,
                        EventCatalog.AD_QUANTITY_RESTORED, EventCatalog.ORDER_PLACED,
                        EventCatalog.ORDER_CANCEL_REQUESTED)
                .build());
    }
}
