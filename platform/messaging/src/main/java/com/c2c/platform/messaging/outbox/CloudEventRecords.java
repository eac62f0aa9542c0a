package com.c2c.platform.messaging.outbox;

import com.c2c.platform.messaging.outbox.Outbox.NewEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Kafka records in the platform's CloudEvents binary-mode envelope, for the one component that
 * produces with a plain Kafka producer (the matching engine's transactional producer). The headers
 * are those SmallRye writes for the outbox relay, so consumers cannot tell the two apart.
 */
public final class CloudEventRecords {
    private final ObjectMapper json;
    private final byte[] source;

    public CloudEventRecords(ObjectMapper json, String source) {
        this.json = json;
        this.source = bytes(source);
    }

    public ProducerRecord<String, String> toRecord(NewEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(event.eventId().toString()));
        headers.add("ce_type", bytes(event.type()));
        headers.add("ce_source", source);
        if (event.subject() != null) {
            headers.add("ce_subject", bytes(event.subject()));
        }
        headers.add("ce_time", bytes(OffsetDateTime.now(ZoneOffset.UTC).toString()));
        headers.add("content-type", bytes("application/json"));
        try {
            return new ProducerRecord<>(event.topic(), null, event.key(), json.writeValueAsString(event.data()), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + event.data().getClass(), e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
