package com.c2c.platform.messaging.deadletter;

import com.c2c.platform.messaging.inbox.ReceivedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One record of the dead-letter topic: where it came from, which consumer gave up on it and why, and the
 * original record (key, CloudEvent headers, data) as it was consumed.
 *
 * @param id       its position in the dead-letter topic, {@code <partition>-<offset>}
 * @param kind     unreadable, unknown-type or invalid (see PoisonEvent)
 * @param service  the service whose consumer dead-lettered it
 */
public record DeadLetter(String id, Instant at, String service, String consumer, String kind, String reason,
        String originTopic, Integer originPartition, Long originOffset, String eventId, String eventType,
        String eventSource, String subject, String key, String data) {

    static DeadLetter of(ConsumerRecord<String, String> record) {
        Headers h = record.headers();
        String consumer = text(h, "dead-letter-consumer");
        String service = text(h, "dead-letter-service");
        return new DeadLetter(record.partition() + "-" + record.offset(), Instant.ofEpochMilli(record.timestamp()),
                service != null ? service : consumer, consumer, text(h, "dead-letter-kind"),
                text(h, "dead-letter-reason"), text(h, "dead-letter-topic"), number(text(h, "dead-letter-partition")),
                longNumber(text(h, "dead-letter-offset")), text(h, "ce_id"), text(h, "ce_type"), text(h, "ce_source"),
                text(h, "ce_subject"), record.key(), record.value());
    }

    /** The event as its consumer first received it, or null when it had no CloudEvent envelope. */
    public ReceivedEvent event() {
        return eventId == null || eventType == null ? null
                : new ReceivedEvent(eventId, eventType, eventSource, subject, data);
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longNumber(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
