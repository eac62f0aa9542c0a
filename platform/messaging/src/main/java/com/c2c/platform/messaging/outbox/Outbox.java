package com.c2c.platform.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.c2c.platform.messaging.sql.PlainSql;
import com.c2c.platform.web.RequestIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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
        UUID eventId = UUID.randomUUID();
        String payload = toJson(data);
        String requestId = RequestIds.current().orElse(null);
        Instant createdAt = Instant.now();
        // An event written outside a transaction could be published for a change that never commits.
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.add must run inside the transaction that makes the state change"))
                // The insert wakes the relay when (and only if) the transaction commits: a trigger notifies
                // (V0_6__outbox_notify_trigger.sql), so waking it costs no statement of its own. Plain SQL, not
                // an entity: the row is never read back in this transaction (ADR 0020).
                .chain(tx -> PlainSql.update("""
                        insert into outbox_event (event_id, topic, record_key, type, subject, payload, request_id,
                            created_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)""",
                        eventId, topic, key, type, subject, payload, requestId, createdAt))
                .replaceWith(eventId);
    }

    /** An event with an id its producer chose (the matching engine derives them deterministically). */
    public record NewEvent(UUID eventId, String topic, String key, String type, String subject, Object data) {
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + data.getClass(), e);
        }
    }
}
