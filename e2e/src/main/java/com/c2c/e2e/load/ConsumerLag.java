package com.c2c.e2e.load;

import com.c2c.e2e.EventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a run's queue is: every few seconds, each service consumer group's lag per topic (records on the topic
 * it has not committed yet), kept as the largest seen and the value when the orders stopped. One admin client in
 * the load tool's own JVM (no broker tool started per sample, which would take the CPU being measured). A group
 * commits its offsets a little after it applies them (the connector's throttled commits), so a lag of a few
 * records per partition is in-flight work, not a queue.
 */
final class ConsumerLag implements AutoCloseable {
    private static final Duration EVERY = Duration.ofSeconds(5);
    /** Below this, a group's lag on a topic is in-flight work (a few uncommitted records per partition). */
    private static final long QUEUE = 20;

    /** The largest lag seen and when (seconds into the run). */
    private record Peak(long max, long atSecond) {
    }

    private final Admin admin;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "consumer-lag");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Peak> peaks = new TreeMap<>();
    private final Map<String, Long> atSendEnd = new TreeMap<>();
    private final long start = System.currentTimeMillis();
    private volatile String failure;
    private volatile String notCaughtUp;

    ConsumerLag() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EventLog.BOOTSTRAP);
        this.admin = Admin.create(p);
        clock.scheduleWithFixedDelay(() -> sample(), 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes one more sample now and keeps it as the lag when the orders stopped. */
    void sendEnded() {
        try {
            clock.submit(() -> {
                Map<String, Long> lags = sample();
                synchronized (peaks) {
                    atSendEnd.putAll(lags);
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            failure = e.toString();
        }
    }

    /**
     * Waits until every service's consumer groups have committed everything on their topics (at most one record
     * per partition left: a transaction marker, below; the connector commits a group's last offsets within
     * seconds of applying them), so the work the trades caused is
     * all done — a service that fell behind finishes it after the last trade completed. Returns how long that
     * took, or null if some group still had records waiting after {@code max} (named in {@link #report}).
     */
    Duration awaitCaughtUp(Duration max) throws InterruptedException {
        long began = System.currentTimeMillis();
        long deadline = began + max.toMillis();
        while (true) {
            Map<String, Long> waiting = new TreeMap<>();
            Map<String, Long> lags;
            try {
                // Per partition, one record is allowed: a transactional producer's (the matching engine's) commit
                // marker ends a partition, and a consumer commits the offset after its last record, not after it.
                lags = lags(1);
            } catch (Exception e) {
                failure = e.toString();
                lags = Map.of();
            }
            lags.forEach((groupTopic, lag) -> {
                if (lag > 0) {
                    waiting.put(groupTopic, lag);
                }
            });
            if (!lags.isEmpty() && waiting.isEmpty()) {
                return Duration.ofMillis(System.currentTimeMillis() - began);
            }
            if (System.currentTimeMillis() > deadline) {
                notCaughtUp = waiting.toString();
                return null;
            }
            Thread.sleep(500);
        }
    }

    /** One line per group and topic that ever had more than {@link #QUEUE} records waiting. */
    List<String> report() {
        List<String> lines = new ArrayList<>();
        synchronized (peaks) {
            peaks.forEach((groupTopic, peak) -> {
                if (peak.max() > QUEUE) {
                    lines.add("  %-52s max %6d at %3d s, %6d when the orders stopped".formatted(groupTopic, peak.max(),
                            peak.atSecond(), atSendEnd.getOrDefault(groupTopic, 0L)));
                }
            });
        }
        if (lines.isEmpty() && failure == null) {
            lines.add("  no consumer group had more than " + QUEUE + " records waiting");
        }
        if (failure != null) {
            lines.add("  (sampling failed: " + failure + ")");
        }
        if (notCaughtUp != null) {
            lines.add("  not caught up when the tool stopped waiting: " + notCaughtUp);
        }
        return lines;
    }

    /** Reads the lags now and keeps each group's peak; returns what it read (empty if the read failed). */
    private Map<String, Long> sample() {
        try {
            long second = (System.currentTimeMillis() - start) / 1000;
            Map<String, Long> lags = lags();
            synchronized (peaks) {
                lags.forEach((groupTopic, lag) -> peaks.merge(groupTopic, new Peak(lag, second),
                        (before, now) -> now.max() > before.max() ? now : before));
            }
            return lags;
        } catch (Exception e) {
            failure = e.toString();
            return Map.of();
        }
    }

    /** "group topic" → records not yet committed, for every group of the platform's services. */
    private Map<String, Long> lags() throws Exception {
        return lags(0);
    }

    /** As {@link #lags()}, counting per partition only what exceeds {@code allowed} records. */
    private Map<String, Long> lags(long allowed) throws Exception {
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
            if (group.groupId().endsWith("-service") || group.groupId().equals("chain-watcher")) {
                committed.put(group.groupId(), admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS));
            }
        }
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        committed.values().forEach(offsets -> offsets.keySet().forEach(tp -> wanted.put(tp, OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(wanted).all().get(10, TimeUnit.SECONDS);
        Map<String, Long> lags = new TreeMap<>();
        committed.forEach((group, offsets) -> offsets.forEach((tp, offset) -> {
            if (offset == null || !ends.containsKey(tp)) {
                return;
            }
            long lag = Math.max(0, ends.get(tp).offset() - offset.offset() - allowed);
            lags.merge(group + " " + tp.topic(), lag, Long::sum);
        }));
        return lags;
    }

    @Override
    public void close() {
        clock.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
