package com.c2c.platform.messaging.consumer;

import com.c2c.events.EventType;
import com.c2c.testkit.TestDatabase;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer whose handler fails the way a test tells it to, per label: an outage, a bug, invalid content. */
@ApplicationScoped
public class ProbeConsumer {
    static final String TYPE = "c2c.test.Probe.v1";
    static final String NAME = "test.probe";
    static final String CHANNEL = "probe-in";

    /** {@code label} is required: a record without it is poison. */
    public record Probe(String label, int seq) {
    }

    private final Map<String, Integer> outages = new ConcurrentHashMap<>();
    private final Map<String, Integer> conflicts = new ConcurrentHashMap<>();
    private final Set<String> bugs = ConcurrentHashMap.newKeySet();
    private final Set<String> invalid = ConcurrentHashMap.newKeySet();
    private final EventConsumer consumer;

    ProbeConsumer(EventConsumer consumer, @ConfigProperty(name = "probe.topic") String topic) {
        this.consumer = consumer;
        consumer.register(Subscription.of(NAME, "probe-in", topic)
                .onEvent(new EventType<>(TYPE, Probe.class, topic), (event, probe) -> apply(probe))
                .build());
    }

    /** The labels applied (committed), in order. */
    public List<String> applied() {
        String labels = TestDatabase.queryString("select string_agg(label, ',' order by seq) from probe_effect");
        return labels == null ? List.of() : List.of(labels.split(","));
    }

    /** The next {@code times} attempts at {@code label} meet an outage. */
    public void outage(String label, int times) {
        outages.put(label, times);
    }

    /** The next {@code times} attempts at {@code label} end in a deadlock reported by PostgreSQL (40P01). */
    public void conflict(String label, int times) {
        conflicts.put(label, times);
    }

    /** {@code label} fails as a bug would, until {@link #reset}. */
    public void bug(String label) {
        bugs.add(label);
    }

    /** {@code label} is refused as invalid content, until {@link #reset}. */
    public void refuse(String label) {
        invalid.add(label);
    }

    public void reset() {
        outages.clear();
        conflicts.clear();
        bugs.clear();
        invalid.clear();
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CHANNEL, batch);
    }

    private Uni<Void> apply(Probe probe) {
        String label = probe.label();
        if (outages.computeIfPresent(label, (l, n) -> n - 1) != null && outages.get(label) >= 0) {
            return Uni.createFrom().failure(new ConnectException("simulated: the database is unreachable"));
        }
        if (conflicts.computeIfPresent(label, (l, n) -> n - 1) != null && conflicts.get(label) >= 0) {
            // The server's own error, as a deadlock detected by PostgreSQL reaches the consumer.
            return Panache.getSession().chain(session -> session.createNativeQuery(
                    "do $$ begin raise exception using errcode = '40P01', message = 'simulated deadlock'; end $$")
                    .executeUpdate()).replaceWithVoid();
        }
        if (bugs.contains(label)) {
            return Uni.createFrom().failure(new IllegalStateException("simulated bug for " + label));
        }
        if (invalid.contains(label)) {
            return Uni.createFrom().failure(PoisonEvent.invalid("label " + label + " is refused"));
        }
        // A real effect: a row written in the consumer's transaction, gone if that transaction rolls back.
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("insert into probe_effect (label) values (:label)")
                        .setParameter("label", label)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
