package com.c2c.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads what the platform published on its topics, and delivers it again, as a broker or producer retry would. */
public final class EventLog {
    public static final String BOOTSTRAP = System.getenv().getOrDefault("C2C_KAFKA", "127.0.0.1:9092");

    private EventLog() {
    }

    /** One published record, headers included. */
    public record Event(String topic, String key, String value, Map<String, String> headers) {
        public String id() {
            return headers.get("ce_id");
        }

        public String type() {
            return headers.get("ce_type");
        }
    }

    /** Every committed record of {@code topics} published since {@code since} that {@code match} accepts. */
    public static List<Event> read(Collection<String> topics, Instant since, Predicate<Event> match) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<Event> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(t -> consumer.partitionsFor(t).stream().map(i -> new TopicPartition(t, i.partition())))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(partitions.stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> since.toEpochMilli())));
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp s = start.get(tp);
                consumer.seek(tp, s == null ? end.get(tp) : s.offset());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topics + " to their end in 30 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        Event e = new Event(r.topic(), r.key(), r.value(), headers(r.headers()));
                        if (match.test(e)) {
                            found.add(e);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Publishes the events again; with {@code newIds} each under a fresh CloudEvent id (a re-sent command). */
    public static void publishAgain(List<Event> events, boolean newIds) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (Event e : events) {
                ProducerRecord<String, String> r = new ProducerRecord<>(e.topic(), e.key(), e.value());
                e.headers().forEach((k, v) -> r.headers().add(k, (newIds && k.equals("ce_id")
                        ? UUID.randomUUID().toString() : v).getBytes(StandardCharsets.UTF_8)));
                producer.send(r);
            }
            producer.flush();
        }
    }

    /**
     * Waits until each consumer group has committed offsets up to the current end of each topic it reads,
     * i.e. everything published so far has been processed.
     */
    public static void awaitConsumed(Map<String, Collection<String>> topicsByGroup, Duration timeout)
            throws InterruptedException, ExecutionException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        try (Admin admin = Admin.create(p)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Map.Entry<String, Collection<String>> group : topicsByGroup.entrySet()) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : group.getValue()) {
                    int n = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
                    for (int i = 0; i < n; i++) {
                        partitions.add(new TopicPartition(topic, i));
                    }
                }
                Map<TopicPartition, Long> end = afterLastRecord(partitions);
                while (true) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin
                            .listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata().get();
                    List<TopicPartition> behind = partitions.stream().filter(tp -> end.get(tp) > 0
                            && (committed.get(tp) == null || committed.get(tp).offset() < end.get(tp))).toList();
                    if (behind.isEmpty()) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("consumer group " + group.getKey() + " still behind on " + behind);
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    /**
     * Per partition, the offset just after its last committed record. Not the log end offset: a
     * transactional producer's commit marker takes an offset no consumer ever commits past.
     */
    private static Map<TopicPartition, Long> afterLastRecord(List<TopicPartition> partitions) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<TopicPartition, Long> result = new java.util.HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                result.put(tp, 0L);
                consumer.seek(tp, Math.max(0, end.get(tp) - 50));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    result.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
                }
            }
        }
        return result;
    }

    private static Map<String, String> headers(Iterable<Header> headers) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (Header h : headers) {
            map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return map;
    }
}
