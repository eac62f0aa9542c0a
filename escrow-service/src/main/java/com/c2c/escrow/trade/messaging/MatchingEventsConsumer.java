package com.c2c.escrow.trade.messaging;

import com.c2c.escrow.trade.TradeOpening;
import com.c2c.events.EventCatalog;
import com.c2c.events.Topics;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.Subscription;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every trade the book matches is opened in escrow. */
@ApplicationScoped
public class MatchingEventsConsumer {
    private final EventConsumer consumer;
    private final Subscription subscription;

    MatchingEventsConsumer(EventConsumer consumer, TradeOpening opening) {
        this.consumer = consumer;
        this.subscription = consumer.register(
                Subscription.of("escrow.matching-events", "matching-events", Topics.MATCHING_EVENTS)
                        .on(EventCatalog.TRADE_MATCHED, opening::open)
                        .ignoring(EventCatalog.MARKET_OPENED, EventCatalog.ORDER_REJECTED,
                                EventCatalog.BOOK_QUANTITY_CANCELLED)
                        .build());
    }

    @Incoming("matching-events")
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(subscription, batch);
    }
}
