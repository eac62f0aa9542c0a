package com.c2c.platform.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.recordKey = key;
        event.type = type;
        event.subject = subject;
        event.payload = toJson(data);
        event.requestId = RequestIds.current().orElse(null);
        event.createdAt = Instant.now();
        // An event written outside a transaction could be published for a change that never commits.
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.add must run inside the transaction that makes the state change"))
                // The insert wakes the relay when (and only if) the transaction commits: a trigger notifies
                // (V0_6__outbox_notify_trigger.sql), so waking it costs no statement of its own.
                .chain(tx -> event.persist())
                .replaceWith(event.eventId);
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
