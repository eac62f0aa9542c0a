package com.c2c.matching.book;

import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.platform.messaging.outbox.Outbox.NewEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The single thread that owns every book: it reads the input topic, applies each record to the
 * books, and persists the outputs of a batch in one transaction through the outbox, then snapshots
 * the books with the offsets they include. Any failure rebuilds the books from the newest snapshot
 * and replays from its offsets; the replayed outputs have the same event ids, which the outbox
 * skips, so no trade is ever emitted twice and no input is lost.
 */
@ApplicationScoped
public class EngineLoop {
    private static final Logger LOG = Logger.getLogger(EngineLoop.class);
    private static final int SNAPSHOTS_KEPT = 3;

    private final EngineConfig config;
    private final DataSource dataSource;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final String bootstrap;
    private final Map<String, Long> ticks = new HashMap<>();

    private volatile boolean running;
    private volatile boolean healthy;
    private volatile boolean crashRequested;
    private volatile boolean snapshotRequested;
    private volatile long appliedInputs;
    private Thread thread;
    private BookState state;
    private long lastSnapshotAt;
    private long inputsAtLastSnapshot;

    EngineLoop(EngineConfig config, DataSource dataSource, Outbox outbox, ObjectMapper json,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.config = config;
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.json = json;
        this.bootstrap = bootstrap;
    }

    void start(@Observes StartupEvent event) {
        if (config.engineEnabled()) {
            running = true;
            thread = new Thread(this::run, "matching-engine");
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(Duration.ofSeconds(20).toMillis());
        }
    }

    /** Running and applying inputs (false while rebuilding after a failure). */
    public boolean healthy() {
        return !config.engineEnabled() || healthy;
    }

    /** Input records applied since this instance started or last rebuilt (for tests and metrics). */
    public long appliedInputs() {
        return appliedInputs;
    }

    /**
     * Makes the loop fail after its next batch is persisted and before it is snapshotted, as a
     * crash would: the books are then rebuilt from the previous snapshot and the inputs replayed.
     */
    public void simulateCrash() {
        crashRequested = true;
    }

    /** Makes the loop snapshot the books after its current batch. */
    public void requestSnapshot() {
        snapshotRequested = true;
    }

    private void run() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            rebuild(consumer);
            while (running) {
                try {
                    step(consumer);
                } catch (Exception e) {
                    healthy = false;
                    LOG.errorf(e, "matching engine failed; rebuilding from the last snapshot in %s",
                            config.retryInterval());
                    pause(config.retryInterval());
                    rebuildQuietly(consumer);
                }
            }
            snapshot();
        } catch (Exception e) {
            LOG.error("matching engine stopped", e);
        } finally {
            healthy = false;
        }
    }

    private void step(KafkaConsumer<String, String> consumer) throws Exception {
        ConsumerRecords<String, String> records = consumer.poll(config.pollTimeout());
        if (!records.isEmpty()) {
            List<NewEvent> outputs = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                state.apply(record.partition(), record.offset(), header(record, "ce_id"), header(record, "ce_type"),
                        record.value(), outputs);
            }
            persist(outputs);
            appliedInputs += records.count();
            if (crashRequested) {
                crashRequested = false;
                throw new IllegalStateException("simulated crash after persisting a batch");
            }
        }
        long now = System.currentTimeMillis();
        boolean due = state.inputs() != inputsAtLastSnapshot
                && now - lastSnapshotAt >= config.snapshotInterval().toMillis();
        if (due || snapshotRequested) {
            snapshotRequested = false;
            snapshot();
        }
    }

    private void persist(List<NewEvent> outputs) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                outbox.addAll(c, outputs);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void snapshot() {
        if (state == null) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into book_snapshot (inputs, data) values (?, ?)");
                    PreparedStatement prune = c.prepareStatement(
                            "delete from book_snapshot where id not in (select id from book_snapshot order by id desc limit ?)")) {
                insert.setLong(1, state.inputs());
                insert.setBytes(2, state.snapshot());
                insert.executeUpdate();
                prune.setInt(1, SNAPSHOTS_KEPT);
                prune.executeUpdate();
                c.commit();
            }
            lastSnapshotAt = System.currentTimeMillis();
            inputsAtLastSnapshot = state.inputs();
        } catch (Exception e) {
            LOG.warn("could not snapshot the books; the next snapshot will retry", e);
        }
    }

    /** Restores the newest snapshot (or an empty state) and points the consumer at its offsets. */
    private void rebuild(KafkaConsumer<String, String> consumer) throws Exception {
        BookState fresh = new BookState(json, this::tickOf, config.recentIds());
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select data from book_snapshot order by id desc limit 1");
                ResultSet rs = q.executeQuery()) {
            if (rs.next()) {
                fresh.restore(rs.getBytes(1));
            }
        }
        List<TopicPartition> partitions = consumer.partitionsFor(config.inputTopic(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(config.inputTopic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        for (TopicPartition p : partitions) {
            Long next = fresh.nextOffsets().get(p.partition());
            if (next == null) {
                consumer.seekToBeginning(List.of(p));
            } else {
                consumer.seek(p, next);
            }
        }
        state = fresh;
        inputsAtLastSnapshot = fresh.inputs();
        lastSnapshotAt = System.currentTimeMillis();
        ticks.clear();
        healthy = true;
        LOG.infof("matching engine ready: %d inputs in the snapshot, replaying %s from %s", fresh.inputs(),
                config.inputTopic(), fresh.nextOffsets());
    }

    private void rebuildQuietly(KafkaConsumer<String, String> consumer) {
        try {
            rebuild(consumer);
        } catch (Exception e) {
            LOG.errorf("rebuilding the books failed (%s); trying again", e.toString());
        }
    }

    /** The market's tick in fiat minor units, from the market registry; empty if not open. */
    private OptionalLong tickOf(String market) {
        Long cached = ticks.get(market);
        if (cached != null) {
            return OptionalLong.of(cached);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select tick_minor from market where id = ?")) {
            q.setString(1, market);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return OptionalLong.empty();
                }
                ticks.put(market, rs.getLong(1));
                return OptionalLong.of(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("market registry unavailable", e);
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxBatch());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "matching-engine");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
