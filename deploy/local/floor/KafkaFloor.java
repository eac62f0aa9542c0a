import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker's CPU per record at the least, with the platform's client settings and nothing else of the platform
 * (deploy/local/floor.sh runs it as a single-file program): the Kafka half of the floor a trade cannot go below in
 * this design (docs/performance.md, "The floor").
 *
 * <p>One producer sends records shaped like the outbox relay's (a JSON value of about 480 bytes, a trade id as key,
 * CloudEvents headers; acks=all, idempotent, linger.ms=1 as platform/messaging sets it) at a fixed rate to a
 * probe topic of six partitions, as the platform's topics have; {@code readers} consumers (read_committed, Kafka's
 * default fetch settings, as the services' consumer) read every partition. Per phase (one per entry of READERS): a
 * warm-up at the rate, then the broker's CPU (its process's user + system time from /proc) over an idle window of
 * the same consumers and over the measured window; the marginal cost per record is (measured - idle) / records.
 * Phases after the first warm up for at most {@value #LATER_WARMUP_S} s: the broker has compiled by then. A list such
 * as 1,2,2,1 lets the caller average out a broker that still gets cheaper from one phase to the next.
 *
 * <p>With BURST above 1 the records go out that many at a time (BURST / rate apart), as an outbox relay publishes the
 * rows of a batch transaction together: one produce request and one fetch carry several.
 *
 * <p>Usage: java -cp KAFKA_CLIENTS KafkaFloor.java BOOTSTRAP BROKER_PID SECONDS RECORDS_PER_S READERS[,READERS...]
 * [WARMUP_S] [IDLE_S] [BURST]. Prints one line per phase: "PHASE readers=N records=... broker_ms_per_record=...".
 */
public final class KafkaFloor {
    private static final String TOPIC = "c2c.floor.probe.v1";
    private static final int PARTITIONS = 6;
    /** The kernel's clock ticks per second (floor.sh passes getconf CLK_TCK; 100 on Linux x86-64 and arm64). */
    private static final long TICKS_PER_S = Long.getLong("floor.clk.tck", 100);
    /** The warm-up of every phase after the first, at most (seconds). */
    private static final int LATER_WARMUP_S = 15;
    private static final String VALUE = "{\"tradeId\":\"%s\",\"market\":\"USDT-SGD\",\"takerOrderId\":\"%s\","
            + "\"makerOrderId\":\"%s\",\"buyerId\":\"%s\",\"sellerId\":\"%s\",\"quantityMicros\":10000000,"
            + "\"priceMinor\":135,\"fiatAmountMinor\":1350,\"status\":\"LOCKED\",\"deadline\":\"%s\",\"padding\":\"%s\"}";

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: java KafkaFloor.java BOOTSTRAP BROKER_PID SECONDS RECORDS_PER_S READERS[,READERS...]"
                    + " [WARMUP_S] [IDLE_S] [BURST]");
            System.exit(2);
        }
        String bootstrap = args[0];
        long brokerPid = Long.parseLong(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        int idle = args.length > 6 ? Integer.parseInt(args[6]) : 10;
        int burst = args.length > 7 ? Integer.parseInt(args[7]) : 1;
        createTopic(bootstrap);
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            boolean first = true;
            for (String readers : args[4].split(",")) {
                // The first phase's warm-up is the broker's JIT; after it a short one settles the new readers in.
                phase(bootstrap, brokerPid, producer, Integer.parseInt(readers), seconds, rate,
                        first ? warmup : Math.min(warmup, LATER_WARMUP_S), idle, burst);
                first = false;
            }
        } finally {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void phase(String bootstrap, long brokerPid, KafkaProducer<String, String> producer, int readers,
            int seconds, int rate, int warmup, int idle, int burst) throws Exception {
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicLong read = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            Thread t = new Thread(() -> readAll(bootstrap, reading, read), "reader-" + i);
            t.setDaemon(true); // a failed phase must not leave the JVM running on its readers
            t.start();
            threads.add(t);
        }
        try {
            measure(brokerPid, producer, readers, seconds, rate, warmup, idle, burst, read);
        } finally {
            reading.set(false);
            for (Thread t : threads) {
                t.join(5000);
            }
        }
    }

    private static void measure(long brokerPid, KafkaProducer<String, String> producer, int readers, int seconds,
            int rate, int warmup, int idle, int burst, AtomicLong read) throws Exception {
        Thread.sleep(2000); // the consumers' first fetches are out
        log("readers=%d: warm-up %d s at %d records/s", readers, warmup, rate);
        send(producer, rate, warmup, burst);
        Thread.sleep(1000);
        long idleStart = ticks(brokerPid);
        Thread.sleep(idle * 1000L);
        long idleTicks = ticks(brokerPid) - idleStart;
        log("readers=%d: idle %d s: broker %d ms; measuring %d s at %d records/s", readers, idle, idleTicks * 1000 / TICKS_PER_S,
                seconds, rate);
        long readBefore = read.get();
        long start = ticks(brokerPid);
        long startNanos = System.nanoTime();
        long sent = send(producer, rate, seconds, burst);
        long expected = readBefore + sent * readers;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (read.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long busyTicks = ticks(brokerPid) - start;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long readNow = read.get() - readBefore;
        if (readNow < sent * readers) {
            throw new IllegalStateException("readers got " + readNow + " of " + sent * readers + " records in time");
        }
        double marginalMs = (busyTicks - idleTicks * elapsed / idle) * 1000.0 / TICKS_PER_S;
        System.out.printf(Locale.ROOT, "PHASE readers=%d burst=%d records=%d reads=%d seconds=%.1f broker_ms=%d idle_broker_ms_per_s=%.2f"
                + " broker_ms_per_record=%.4f%n", readers, burst, sent, readNow, elapsed, busyTicks * 1000 / TICKS_PER_S,
                idleTicks * 1000.0 / TICKS_PER_S / idle, marginalMs / sent);
    }

    /**
     * Sends at {@code rate} records a second for {@code seconds}, {@code burst} at a time when their time comes; the
     * number sent.
     */
    private static long send(KafkaProducer<String, String> producer, int rate, int seconds, int burst)
            throws Exception {
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        String padding = "x".repeat(120);
        for (long n = 0; n < total; n++) {
            long due = start + (n - n % burst) * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String trade = UUID.randomUUID().toString();
            String value = VALUE.formatted(trade, UUID.randomUUID(), UUID.randomUUID(), "buyer-" + (n % 200),
                    "seller-" + (n % 20), Instant.now().plusSeconds(900), padding);
            ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, trade, value);
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", UUID.randomUUID().toString());
            header(record, "ce_type", "c2c.floor.Probe.v1");
            header(record, "ce_source", "/c2c/floor");
            header(record, "ce_time", Instant.now().toString());
            header(record, "ce_requestid", UUID.randomUUID().toString());
            header(record, "content-type", "application/json");
            producer.send(record, (m, e) -> {
                if (e != null) {
                    System.err.println("send failed: " + e);
                }
            });
        }
        producer.flush();
        return total;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static void readAll(String bootstrap, AtomicBoolean reading, AtomicLong read) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int i = 0; i < PARTITIONS; i++) {
                partitions.add(new TopicPartition(TOPIC, i));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (reading.get()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                read.addAndGet(records.count());
            }
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static void createTopic(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            try {
                admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /** The process's user + system ticks so far (fields 14 and 15 of /proc/PID/stat). */
    private static long ticks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static void log(String format, Object... args) {
        System.out.printf("  " + format + "%n", args);
    }
}
