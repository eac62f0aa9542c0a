package com.c2c.escrow.messaging;

import com.c2c.escrow.ad.messaging.OrderEventsConsumer;
import com.c2c.escrow.trade.messaging.TradeFundsConsumer;
import com.c2c.escrow.trade.messaging.WalletEventsConsumer;
import com.c2c.platform.messaging.consumer.EventConsumer;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The service's one Kafka consumer: channel {@code events} reads every topic the service follows, and each record
 * is applied by the subscription that reads its topic (ADR 0021). One consumer instead of one per topic: one poll
 * loop and one fetch per turn instead of several, and one batch transaction at a time for the service's events.
 */
@Startup
@ApplicationScoped
public class KafkaIntake {
    private final EventConsumer consumer;

    /**
     * The subscriptions are injected so that each exists, and is registered, at start-up (this bean is created then),
     * and the channel is checked to read exactly their topics: a wiring mistake fails the start, not a record.
     */
    KafkaIntake(EventConsumer consumer, TradeFundsConsumer funds, WalletEventsConsumer wallet,
            OrderEventsConsumer orders) {
        this.consumer = consumer;
        consumer.requireSameTopics("events");
    }

    @Incoming("events")
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        return consumer.consume("events", batch);
    }
}
