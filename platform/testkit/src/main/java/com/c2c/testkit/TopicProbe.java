package com.c2c.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * A real Kafka consumer for tests: opened before the action, it sees everything published to the
 * topics from then on, and waits (with a deadline) for the events a test expects.
 */
public final class TopicProbe implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumedEvent> seen = new ArrayList<>();

    private TopicProbe(List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.BOOTSTRAP);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<TopicPartition> ofTopic = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            if (ofTopic.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist: deploy/local/kafka.sh topics creates"
                        + " every topic of deploy/local/topics.conf on a running broker");
            }
            partitions.addAll(ofTopic);
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test acts
    }

    public static TopicProbe open(String topic, String... more) {
        List<String> topics = new ArrayList<>(List.of(topic));
        topics.addAll(List.of(more));
        return new TopicProbe(topics);
    }

    /** Waits until an event matching the predicate has arrived and returns it. */
    public ConsumedEvent await(Predicate<ConsumedEvent> match, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll();
                    return seen.stream().filter(match).findFirst().orElse(null);
                }, e -> e != null);
    }

    /** Waits until at least {@code count} matching events arrived; returns all that match. */
    public List<ConsumedEvent> awaitCount(Predicate<ConsumedEvent> match, int count, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll();
                    return seen.stream().filter(match).toList();
                }, list -> list.size() >= count);
    }

    /** Everything that arrived so far (after one more poll). */
    public List<ConsumedEvent> seen() {
        poll();
        return List.copyOf(seen);
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
            seen.add(ConsumedEvent.of(record));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
