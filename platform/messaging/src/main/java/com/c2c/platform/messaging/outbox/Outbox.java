package com.c2c.platform.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. The event reaches Kafka only if that transaction
 * commits, and then certainly: {@link OutboxRelay} publishes it, retrying until the broker acknowledges.
 */
@ApplicationScoped
public class Outbox {
    private final ObjectMapper json;

    Outbox(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param topic   one of {@link com.c2c.events.Topics}
     * @param key     the aggregate whose events must stay in order (market, trade id, account)
     * @param type    one of {@link com.c2c.events.EventTypes}
     * @param subject the aggregate id the event is about (CloudEvent {@code subject})
     * @param data    the payload record, serialised as JSON
     * @return the CloudEvent id given to the event
     */
    public Uni<UUID> add(String topic, String key, String type, String subject, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.recordKey = key;
        event.type = type;
        event.subject = subject;
        event.payload = toJson(data);
        event.createdAt = Instant.now();
        // An event written outside a transaction could be published for a change that never commits.
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.add must run inside the transaction that makes the state change"))
                .chain(tx -> event.persist())
                .replaceWith(event.eventId);
    }

    /** An event for {@link #addAll}, with an id the caller derives deterministically. */
    public record NewEvent(UUID eventId, String topic, String key, String type, String subject, Object data) {
    }

    /**
     * Records events through plain JDBC, in the caller's open transaction on {@code connection}, for
     * components that run their own thread (the matching engine loop). An event whose id is already
     * in the outbox is skipped, so replaying a deterministic computation never publishes twice.
     *
     * @return how many were new
     */
    public int addAll(Connection connection, List<NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_event (event_id, topic, record_key, type, subject, payload, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""")) {
            for (NewEvent e : events) {
                insert.setObject(1, e.eventId());
                insert.setString(2, e.topic());
                insert.setString(3, e.key());
                insert.setString(4, e.type());
                insert.setString(5, e.subject());
                insert.setString(6, toJson(e.data()));
                insert.setTimestamp(7, now);
                insert.addBatch();
            }
            int added = 0;
            for (int count : insert.executeBatch()) {
                added += Math.max(count, 0);
            }
            return added;
        }
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + data.getClass(), e);
        }
    }
}
