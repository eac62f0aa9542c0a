package com.c2c.wallet.reservation;

import com.c2c.events.EventCatalog;
import com.c2c.events.Topics;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.Subscription;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The wallet's view of order-service's events: a posted SELL ad gets its USDT reserved, once. */
@ApplicationScoped
public class OrderEventsConsumer {
    private final EventConsumer consumer;
    private final Subscription subscription;

    OrderEventsConsumer(EventConsumer consumer, AdReservations reservations) {
        this.consumer = consumer;
        // Most of the topic (orders for the book) is not the wallet's business.
        this.subscription = consumer.register(Subscription.of("wallet.order-events", "order-events", Topics.ORDER_EVENTS)
                .on(EventCatalog.AD_POSTED, reservations::reserve)
                .ignoring(EventCatalog.AD_LISTED, EventCatalog.AD_AMENDED, EventCatalog.AD_WITHDRAWN,
                        EventCatalog.AD_QUANTITY_RESTORED, EventCatalog.ORDER_PLACED,
                        EventCatalog.ORDER_CANCEL_REQUESTED)
                .build());
    }

    @Incoming("order-events")
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(subscription, batch);
    }
}
