package com.c2c.matching.book;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The engine's dead letters: the input record as it was (key, value, every header, CloudEvent ones
 * included) on the dead-letter topic, with the headers the SmallRye Kafka connector writes on the
 * other services' dead letters (so one tool reads both), the consumer's and service's name and the kind
 * of poison ({@code dead-letter-kind}: unreadable, unknown-type, invalid). Counted in
 * {@code c2c.messaging.dead.letters} (tags {@code consumer}, {@code reason}) once committed.
 */
final class DeadLetters {
    static final String CONSUMER = "matching-service";
    static final String METRIC = "c2c.messaging.dead.letters";

    private final String topic;
    private final MeterRegistry metrics;

    DeadLetters(String topic, MeterRegistry metrics) {
        this.topic = topic;
        this.metrics = metrics;
        // Every series exists from the start (at 0), so an alert on its increase sees the first one.
        for (String reason : new String[] {PoisonInput.UNREADABLE, PoisonInput.UNKNOWN_TYPE, PoisonInput.INVALID}) {
            counter(reason);
        }
    }

    ProducerRecord<String, String> of(ConsumerRecord<String, String> input, PoisonInput poison) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : input.headers()) {
            headers.add(h.key(), h.value());
        }
        headers.add("dead-letter-reason", bytes(poison.reason() + ": " + poison.description()));
        headers.add("dead-letter-cause", bytes(poison.cause()));
        headers.add("dead-letter-exception-class-name", bytes(poison.cause()));
        headers.add("dead-letter-topic", bytes(input.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(input.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(input.offset())));
        headers.add("dead-letter-consumer", bytes(CONSUMER));
        // As the platform's inbox consumers write them, so the dead-letter list shows the engine's too.
        headers.add("dead-letter-service", bytes(CONSUMER));
        headers.add("dead-letter-kind", bytes(poison.reason()));
        return new ProducerRecord<>(topic, null, input.key(), input.value(), headers);
    }

    /** Counts a dead letter whose transaction committed. */
    void count(PoisonInput poison) {
        counter(poison.reason()).increment();
    }

    private Counter counter(String reason) {
        return metrics.counter(METRIC, "consumer", CONSUMER, "reason", reason);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
