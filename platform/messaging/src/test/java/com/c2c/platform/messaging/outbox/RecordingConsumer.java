package com.c2c.platform.messaging.outbox;

import com.c2c.events.EventType;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.Subscription;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer whose effect is one row per applied event, counting every delivery it handled. */
@ApplicationScoped
public class RecordingConsumer {
    /** The test events' data. */
    public record Something(int seq) {
    }

    private final AtomicInteger handled = new AtomicInteger();
    private final EventConsumer consumer;

    RecordingConsumer(EventConsumer consumer, @ConfigProperty(name = "test.topic") String topic) {
        this.consumer = consumer;
        consumer.register(Subscription.of("test.recorder", "test-in", topic)
                .onEvent(new EventType<>(TestEventsResource.TYPE, Something.class, topic), (event, data) ->
                        Panache.getSession().chain(s -> s.createNativeQuery(
                                        "insert into applied_effect (event_id, payload) values (:id, :p)")
                                .setParameter("id", event.id())
                                .setParameter("p", event.data())
                                .executeUpdate())
                        .replaceWithVoid())
                .build());
    }

    /** Deliveries fully handled (applied or recognised as duplicates). */
    int handled() {
        return handled.get();
    }

    @Incoming("test-in")
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        return consumer.consume("test-in", batch).invoke(() -> handled.addAndGet(batch.getRecords().size()));
    }
}
