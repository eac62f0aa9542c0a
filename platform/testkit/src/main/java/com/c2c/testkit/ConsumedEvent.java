package com.c2c.testkit;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A record read back from Kafka by a test: its key, CloudEvent headers (without the ce_ prefix) and JSON value. */
public record ConsumedEvent(String topic, int partition, String key, Map<String, String> cloudEvent, String data) {

    static ConsumedEvent of(ConsumerRecord<String, String> record) {
        Map<String, String> ce = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.key().startsWith("ce_") && header.value() != null) {
                ce.put(header.key().substring(3), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return new ConsumedEvent(record.topic(), record.partition(), record.key(), Map.copyOf(ce), record.value());
    }

    public String id() {
        return cloudEvent.get("id");
    }

    public String type() {
        return cloudEvent.get("type");
    }
}
