package com.c2c.escrow.ad.messaging;

import com.c2c.escrow.ad.PaymentWindows;
import com.c2c.events.EventCatalog;
import com.c2c.events.Topics;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.Subscription;
import jakarta.inject.Singleton;

/** Keeps each ad's payment window, which times the buyer's payment on the ad's trades. */
@Singleton
public class OrderEventsConsumer {
    OrderEventsConsumer(EventConsumer consumer, PaymentWindows windows) {
        consumer.register(Subscription.of("escrow.order-events", "order-events", Topics.ORDER_EVENTS)
                .on(EventCatalog.AD_POSTED, posted -> windows.remember(posted.adId(), posted.paymentWindowMinutes()))
                .on(EventCatalog.AD_AMENDED, amended -> windows.remember(amended.adId(),
                        amended.paymentWindowMinutes()))
                // the rest of the topic is for the book and the wallet
                .ignoring(EventCatalog.AD_LISTED, EventCatalog.AD_WITHDRAWN, EventCatalog.AD_QUANTITY_RESTORED,
                        EventCatalog.ORDER_PLACED, EventCatalog.ORDER_CANCEL_REQUESTED)
                .build());
    }
}
