package com.c2c.matching.book;

import com.c2c.platform.messaging.outbox.CloudEventRecords;
import com.c2c.platform.messaging.outbox.Outbox.NewEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.smallrye.common.annotation.Identifier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The single thread that owns every book. Each polled batch is one Kafka transaction
 * (consume-process-produce): the batch's outputs and the input offsets after it commit together or
 * not at all. The books are snapshotted to the database with the offsets they include. Any failure
 * aborts the open transaction, rebuilds the books from the newest snapshot and replays from its
 * offsets; outputs of inputs whose transaction already committed are not sent again (the replay is
 * silent up to the committed offsets), so no trade is emitted twice and no input is lost. The books of
 * a failed batch are dropped before anything else runs, so no snapshot holds an uncommitted input. A
 * record the books cannot take is rejected or dead-lettered by {@link BookState#apply} (its decision
 * depends on the record only), the dead letter in the batch's transaction. After each
 * committed batch (and each rebuild) it publishes the depth of the books the batch reached to
 * {@link PublishedDepths}, which REST readers read without touching the books.
 */
@ApplicationScoped
public class EngineLoop {
    private static final Logger LOG = Logger.getLogger(EngineLoop.class);
    private static final int SNAPSHOTS_KEPT = 3;
    /** How often a leader makes sure its lock's session is still there (one round trip). */
    private static final long LEAD_CHECK_MS = 1_000;

    /** Where {@link #simulateCrash} makes the loop fail. */
    public enum CrashPoint {
        /** Outputs sent inside the transaction, not committed: they must never be seen. */
        BEFORE_COMMIT,
        /** Transaction committed, books not yet snapshotted: the replay must stay silent. */
        AFTER_COMMIT,
        /**
         * The commit fails as when another instance took the transactional id: outputs flushed, never
         * committed, and this engine stops (a test starts it again with {@link #startEngine}).
         */
        FENCED_AT_COMMIT
    }

    private final EngineConfig config;
    private final DataSource dataSource;
    private final CloudEventRecords records;
    private final ObjectMapper json;
    private final PublishedDepths depths;
    private final DeadLetters deadLetters;
    private final String bootstrap;
    /**
     * Every kafka.* setting (KAFKA_* variables included): TLS, SASL and the like on Kubernetes, so the engine's
     * own clients connect and authenticate as the service's other clients do.
     */
    private final Map<String, Object> kafkaClient;
    private final Map<String, MarketStart> starts = new HashMap<>();

    private final EngineLeadership leadership;

    /** What this instance does: waits for the lead (standby), runs the engine (leading), or neither. */
    public enum Role {
        STANDBY, LEADING, STOPPED
    }

    private volatile Role role = Role.STOPPED;
    private volatile long fences;
    /** Why this instance last went from leading back to standby (kept after it leads again; for tests and logs). */
    private volatile String lastStandByReason;
    private volatile boolean running;
    private volatile boolean healthy;
    private volatile String lastFailure;
    private volatile CrashPoint crashPoint;
    private volatile boolean snapshotRequested;
    private volatile long appliedInputs;
    private Thread thread;
    /**
     * The books as of the last committed batch, or null after a failure until they are rebuilt: a
     * failed batch may have changed them, and they must never be snapshotted or read like that.
     */
    private BookState state;
    /** True while a batch is applied but not committed: the state is then not snapshotted. */
    private boolean uncommitted;
    private long lastSnapshotAt;
    private long inputsAtLastSnapshot;

    private Map<Integer, Long> committedOffsets = Map.of();

    EngineLoop(EngineConfig config, DataSource dataSource, ObjectMapper json, PublishedDepths depths,
            MeterRegistry metrics, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaClient,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String dbUser,
            @ConfigProperty(name = "quarkus.datasource.password") java.util.Optional<String> dbPassword,
            @ConfigProperty(name = "c2c.instance-id") String instance) {
        this.config = config;
        this.dataSource = dataSource;
        this.records = new CloudEventRecords(json, "/c2c/" + application);
        this.json = json;
        this.depths = depths;
        this.deadLetters = new DeadLetters(config.deadLetterTopic(), metrics);
        this.bootstrap = bootstrap;
        this.kafkaClient = Map.copyOf(kafkaClient);
        this.leadership = new EngineLeadership(jdbcUrl, dbUser, dbPassword.orElse(null), transactionalId(), instance);
    }

    void start(@Observes StartupEvent event) {
        if (config.engineEnabled()) {
            startEngine();
        }
    }

    /** Starts the engine thread (on startup; tests start it again after it stopped, e.g. fenced). */
    synchronized void startEngine() {
        if (thread != null && thread.isAlive()) {
            throw new IllegalStateException("the matching engine is already running");
        }
        running = true;
        thread = new Thread(this::run, "matching-engine");
        thread.start();
    }

    /** Whether the engine thread is alive (it ends on shutdown); it may be a standby. */
    boolean engineRunning() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** Standby, leading or stopped (readiness shows it). */
    public Role role() {
        return role;
    }

    /** How often another engine fenced this one (each time it went back to standby). */
    long fences() {
        return fences;
    }

    /** Why this instance last went back to standby, as readiness said it then; null if it never did. */
    String lastStandByReason() {
        return lastStandByReason;
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(Duration.ofSeconds(20).toMillis());
        }
    }

    /** Leading and applying inputs (false while rebuilding after a failure, and on a standby). */
    public boolean healthy() {
        return !config.engineEnabled() || healthy;
    }

    /** Why the engine last failed, in a fixed sentence without exception text (readiness shows it), or null. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Input records applied since this instance started or last rebuilt (for tests and metrics). */
    public long appliedInputs() {
        return appliedInputs;
    }

    /**
     * Makes the loop fail at {@code point} while handling its next batch, as a crash would: the
     * open transaction is aborted, the books rebuilt from the previous snapshot, the inputs replayed.
     */
    public void simulateCrash(CrashPoint point) {
        crashPoint = point;
    }

    /** Makes the loop snapshot the books after its current batch. */
    public void requestSnapshot() {
        snapshotRequested = true;
    }

    /**
     * Standby until this instance holds the lead (ADR 0017), then the engine until it stops, is fenced or
     * loses the lead; after a fence or a lost lead it is a standby again.
     */
    private void run() {
        try {
            while (running) {
                role = Role.STANDBY;
                boolean announced = false;
                while (running && !leadership.tryTake()) {
                    if (!announced) {
                        LOG.info("matching engine: standby (another instance leads); taking over when it stops");
                        announced = true;
                    }
                    pause(config.standbyPoll());
                }
                if (!running) {
                    break;
                }
                role = Role.LEADING;
                LOG.info("matching engine: this instance leads");
                boolean standByAgain = lead();
                leadership.close();
                if (!standByAgain) {
                    break;
                }
                pause(config.retryInterval());
            }
        } finally {
            leadership.close();
            role = Role.STOPPED;
            healthy = false;
            state = null;
        }
    }

    /** Runs the engine while this instance leads; true if it should wait as a standby again (fenced, lead lost). */
    private boolean lead() {
        try (KafkaConsumer<String, String> consumer = consumer();
                KafkaProducer<String, String> producer = producer()) {
            producer.initTransactions();
            long leadCheckedAt = System.currentTimeMillis();
            // Until the books are rebuilt nothing is applied: a failed rebuild is retried, never skipped.
            while (running) {
                try {
                    if (state == null) {
                        rebuild(consumer);
                    }
                    step(consumer, producer);
                    if (System.currentTimeMillis() - leadCheckedAt >= LEAD_CHECK_MS) {
                        leadCheckedAt = System.currentTimeMillis();
                        if (!leadership.stillHeld()) {
                            // Another instance leads now and will fence this producer; the batches so far committed.
                            LOG.warn("matching engine: the lead went to another instance; standing by");
                            dropBooks(EngineFailure.LEAD_LOST);
                            lastStandByReason = EngineFailure.LEAD_LOST;
                            return true;
                        }
                    }
                } catch (Exception e) {
                    // Whatever the failed batch did to the books is dropped with them: nothing applied and
                    // not committed may reach a snapshot, the depth readers or the next batch.
                    dropBooks(EngineFailure.describe(e));
                    if (EngineFailure.isFenced(e)) {
                        lastStandByReason = EngineFailure.FENCED;
                        fences++;
                        LOG.error("another matching engine instance took over the books; this one stands by", e);
                        return true;
                    }
                    LOG.errorf(e, "matching engine failed; rebuilding from the last snapshot in %s",
                            config.retryInterval());
                    abortQuietly(producer);
                    pause(config.retryInterval());
                }
            }
            snapshot();
            return false;
        } catch (Exception e) {
            lastFailure = EngineFailure.describe(e);
            LOG.error("matching engine stopped", e);
            return running; // e.g. Kafka unreachable when the clients were made: try the lead again
        } finally {
            healthy = false;
            state = null;
        }
    }

    private void dropBooks(String why) {
        state = null;
        uncommitted = false;
        healthy = false;
        lastFailure = why;
    }

    private void step(KafkaConsumer<String, String> consumer, KafkaProducer<String, String> producer)
            throws Exception {
        ConsumerRecords<String, String> batch = consumer.poll(config.pollTimeout());
        if (!batch.isEmpty()) {
            List<NewEvent> outputs = new ArrayList<>();
            List<PoisonInput> poisoned = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
            producer.beginTransaction();
            uncommitted = true;
            for (ConsumerRecord<String, String> record : batch) {
                int before = outputs.size();
                PoisonInput poison = state.apply(record.partition(), record.offset(), header(record, "ce_id"),
                        header(record, "ce_type"), record.value(), outputs);
                if (record.offset() < committedOffsets.getOrDefault(record.partition(), 0L)) {
                    // Replaying an input whose outputs (or dead letter) a committed transaction already carried.
                    outputs.subList(before, outputs.size()).clear();
                } else if (poison != null) {
                    LOG.warnf("input %s-%d@%d dead-lettered (%s): %s", record.topic(), record.partition(),
                            record.offset(), poison.reason(), poison.description());
                    producer.send(deadLetters.of(record, poison));
                    poisoned.add(poison);
                }
                next.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
            for (NewEvent output : outputs) {
                producer.send(records.toRecord(output));
            }
            crashIf(CrashPoint.BEFORE_COMMIT, producer);
            producer.sendOffsetsToTransaction(next, new ConsumerGroupMetadata(config.groupId()));
            crashIf(CrashPoint.FENCED_AT_COMMIT, producer);
            producer.commitTransaction();
            uncommitted = false;
            poisoned.forEach(deadLetters::count);
            // Readers see only committed books: an aborted batch is rebuilt and replayed before it is published.
            BookDepth.EngineInput position = state.position();
            depths.publish(state.takeTouchedDepths(PublishedDepths.LEVELS, position), position);
            appliedInputs += batch.count();
            crashIf(CrashPoint.AFTER_COMMIT, producer);
        }
        long now = System.currentTimeMillis();
        boolean due = state.inputs() != inputsAtLastSnapshot
                && now - lastSnapshotAt >= config.snapshotInterval().toMillis();
        if (due || snapshotRequested) {
            snapshotRequested = false;
            snapshot();
        }
    }

    private void crashIf(CrashPoint point, KafkaProducer<String, String> producer) {
        if (crashPoint == point) {
            crashPoint = null;
            if (point != CrashPoint.AFTER_COMMIT) {
                producer.flush(); // the outputs really are in the log, uncommitted
            }
            if (point == CrashPoint.FENCED_AT_COMMIT) {
                throw new ProducerFencedException("simulated: another producer took the transactional id");
            }
            throw new IllegalStateException("simulated crash " + point);
        }
    }

    private static void abortQuietly(KafkaProducer<String, String> producer) {
        try {
            producer.abortTransaction();
        } catch (Exception e) {
            // no transaction open, or the producer is unusable; the rebuild starts a fresh one
        }
    }

    /** Writes the books as of the last commit; never books holding inputs whose outputs were not committed. */
    private void snapshot() {
        if (state == null || uncommitted) {
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
        Map<Integer, Long> committed = new HashMap<>();
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        consumer.committed(new HashSet<>(partitions)).forEach((p, offset) -> {
            if (offset == null) {
                return;
            }
            if (offset.offset() > ends.get(p)) {
                // The group committed past the end of the log: the topic was recreated. Its records are
                // new inputs, none of whose outputs were committed, so none is replayed silently.
                LOG.warnf("the engine's group committed %s up to %d but it ends at %d: the topic was recreated;"
                        + " its records are treated as new inputs", p, offset.offset(), ends.get(p));
                return;
            }
            committed.put(p.partition(), offset.offset());
        });
        committedOffsets = committed;
        for (TopicPartition p : partitions) {
            Long next = fresh.nextOffsets().get(p.partition());
            if (next != null && next > ends.get(p)) {
                // The log the snapshot was taken from is gone (topic recreated or truncated): replaying
                // from here would silently skip orders, so the engine refuses and reports DOWN.
                throw new EngineFailure.SnapshotAheadOfTopic("the book snapshot has read " + p + " up to offset " + next
                        + " but the topic ends at " + ends.get(p) + ": it was recreated or truncated, and the"
                        + " books cannot be rebuilt from it (restore the topic, or start from an empty"
                        + " matching database)");
            }
        }
        for (TopicPartition p : partitions) {
            Long next = fresh.nextOffsets().get(p.partition());
            if (next == null) {
                consumer.seekToBeginning(List.of(p));
            } else {
                consumer.seek(p, next);
            }
        }
        state = fresh;
        BookDepth.EngineInput position = fresh.position();
        depths.publish(fresh.allDepths(PublishedDepths.LEVELS, position), position);
        inputsAtLastSnapshot = fresh.inputs();
        lastSnapshotAt = System.currentTimeMillis();
        starts.clear();
        healthy = true;
        lastFailure = null;
        LOG.infof("matching engine ready: %d inputs in the snapshot, replaying %s from %s (silently up to %s)",
                fresh.inputs(), config.inputTopic(), fresh.nextOffsets(), committed);
    }

    /**
     * The market's tick in fiat minor units, or empty if the market was not open at this input: not in
     * the registry, or registered but its book first ran at a later input of the log (see migration V3).
     * The first input that finds the market open is recorded, so a replay decides exactly as the first run.
     */
    private OptionalLong tickOf(String market, int partition, long offset) {
        MarketStart start = starts.get(market);
        if (start == null) {
            start = marketStart(market, partition, offset);
            if (start == null) {
                return OptionalLong.empty();
            }
            starts.put(market, start);
        }
        return start.isOpenAt(partition, offset) ? OptionalLong.of(start.tickMinor()) : OptionalLong.empty();
    }

    /** Reads the market's registry row, recording this input as the book's first if none is yet; null if unknown. */
    private MarketStart marketStart(String market, int partition, long offset) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement mark = c.prepareStatement(
                        "update market set book_partition = ?, book_offset = ? where id = ? and book_offset is null");
                PreparedStatement q = c.prepareStatement(
                        "select tick_minor, book_partition, book_offset from market where id = ?")) {
            mark.setInt(1, partition);
            mark.setLong(2, offset);
            mark.setString(3, market);
            mark.executeUpdate();
            q.setString(1, market);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new MarketStart(rs.getLong(1), rs.getInt(2), rs.getLong(3)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("market registry unavailable", e);
        }
    }

    /** A market's tick and the input at which its book first ran. */
    private record MarketStart(long tickMinor, int partition, long offset) {
        boolean isOpenAt(int inputPartition, long inputOffset) {
            // Another partition only if the topic was re-partitioned: offsets are not comparable, trust the registry.
            return inputPartition != partition || inputOffset >= offset;
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.putAll(kafkaClient);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxBatch());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.putAll(kafkaClient);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // One id for the one engine: a second instance fences the first instead of both producing.
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private String transactionalId() {
        return config.groupId() + "-" + config.inputTopic();
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
