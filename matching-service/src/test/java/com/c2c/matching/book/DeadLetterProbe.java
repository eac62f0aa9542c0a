package com.c2c.matching.book;

import com.c2c.testkit.KafkaResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads a dead-letter topic from its end (committed records only), keeping every header. */
final class DeadLetterProbe implements AutoCloseable {
    /** A dead letter as read back: key, value and all headers (last value per name). */
    record Letter(String key, String value, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Letter> seen = new ArrayList<>();

    DeadLetterProbe(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.BOOTSTRAP);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-dead-letters-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    Letter await(Predicate<Letter> match, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll();
                    return seen.stream().filter(match).findFirst().orElse(null);
                }, l -> l != null);
    }

    List<Letter> seen() {
        poll();
        return List.copyOf(seen);
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
            Map<String, String> headers = new HashMap<>();
            for (Header h : record.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            seen.add(new Letter(record.key(), record.value(), headers));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
