package com.c2c.platform.messaging.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.smallrye.common.annotation.Identifier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the dead-letter topic directly (no consumer group, nothing committed), for the operator's list
 * and replay. The topic is meant to stay small (every entry is an alert), so reading it whole is fine;
 * the scan is still bounded to the last {@value #SCAN_PER_PARTITION} records of each partition.
 * Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class DeadLetterArchive {
    static final int SCAN_PER_PARTITION = 10_000;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final String bootstrap;
    /** Every kafka.* setting (TLS, SASL on Kubernetes), so this reader connects as the service's other clients do. */
    private final Map<String, Object> kafkaClient;
    private final String topic;

    DeadLetterArchive(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaClient,
            @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic") String topic) {
        this.bootstrap = bootstrap;
        this.kafkaClient = Map.copyOf(kafkaClient);
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** The dead letters {@code which} selects, newest first. */
    public List<DeadLetter> list(Predicate<DeadLetter> which) {
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, String> kafka = open()) {
            List<TopicPartition> partitions = kafka.partitionsFor(topic, DEADLINE).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            kafka.assign(partitions);
            Map<TopicPartition, Long> ends = kafka.endOffsets(partitions, DEADLINE);
            Map<TopicPartition, Long> starts = kafka.beginningOffsets(partitions, DEADLINE);
            for (TopicPartition p : partitions) {
                kafka.seek(p, Math.max(starts.get(p), ends.get(p) - SCAN_PER_PARTITION));
            }
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (partitions.stream().anyMatch(p -> kafka.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took longer than " + DEADLINE);
                }
                for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        DeadLetter letter = DeadLetter.of(record);
                        if (which.test(letter)) {
                            found.add(letter);
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparing(DeadLetter::at).thenComparing(DeadLetter::id).reversed());
        return found;
    }

    /** The dead letter at {@code id} ({@code <partition>-<offset>}), if the topic holds it. */
    public Optional<DeadLetter> find(String id) {
        String[] parts = id.split("-", 2);
        int partition;
        long offset;
        try {
            partition = Integer.parseInt(parts[0]);
            offset = Long.parseLong(parts[1]);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        try (KafkaConsumer<String, String> kafka = open()) {
            TopicPartition p = new TopicPartition(topic, partition);
            if (kafka.partitionsFor(topic, DEADLINE).stream().noneMatch(i -> i.partition() == partition)) {
                return Optional.empty();
            }
            kafka.assign(List.of(p));
            long end = kafka.endOffsets(List.of(p), DEADLINE).get(p);
            if (offset < 0 || offset >= end || offset < kafka.beginningOffsets(List.of(p), DEADLINE).get(p)) {
                return Optional.empty();
            }
            kafka.seek(p, offset);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                    if (record.offset() == offset) {
                        return Optional.of(DeadLetter.of(record));
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            throw new IllegalStateException("reading " + topic + " took longer than " + DEADLINE);
        }
    }

    private KafkaConsumer<String, String> open() {
        Properties config = new Properties();
        config.putAll(kafkaClient);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
