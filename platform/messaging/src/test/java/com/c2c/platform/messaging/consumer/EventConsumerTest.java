package com.c2c.platform.messaging.consumer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventType;
import com.c2c.testkit.As;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer mechanism against the real Kafka and PostgreSQL: poison is dead-lettered at once (and the
 * records behind it applied), an outage is waited out without skipping, an unexpected failure holds the
 * partition with readiness DOWN until it passes, and an operator can list and replay dead letters.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_messaging"))
@QuarkusTestResource(value = FreshTopicResource.class, initArgs = @ResourceArg(name = "property", value = "probe.topic"))
class EventConsumerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    ProbeConsumer probe;
    @Inject
    MeterRegistry meters;
    @ConfigProperty(name = "probe.topic")
    String topic;

    @Inject
    EventConsumer consumer;

    @AfterEach
    void healthy() {
        probe.reset();
    }

    @Test
    void aTopicIsReadByOneSubscriptionOnly() {
        probe.reset(); // the probe exists, and has registered its subscription
        // A service's one Kafka consumer sends each record to the subscription of its topic (ADR 0021): a second
        // subscription of the probe's topic would make that ambiguous, so its registration fails the start.
        Subscription second = Subscription.of("test.second", "probe-in", topic)
                .onEvent(new EventType<>(ProbeConsumer.TYPE, ProbeConsumer.Probe.class, topic),
                        (event, probe) -> Uni.createFrom().voidItem())
                .build();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> consumer.register(second));
        assertTrue(refused.getMessage().contains("both read " + topic), refused.getMessage());
        assertFalse(consumer.knows("test.second"), "nothing of the refused subscription is registered");
    }

    @Test
    void poisonIsDeadLetteredAtOnceAndTheRecordsBehindItAreApplied() {
        String key = "k-" + UUID.randomUUID();
        double unreadable = deadLetters("unreadable");
        double unknown = deadLetters("unknown-type");
        double invalid = deadLetters("invalid");
        double unexpected = unexpectedRetries();
        String bad = send(key, ProbeConsumer.TYPE, "{not json");
        String newer = send(key, "c2c.test.Probe.v2", "{\"label\":\"from-the-future\",\"seq\":1}");
        String missing = send(key, ProbeConsumer.TYPE, "{\"seq\":2}");
        sendWithoutEnvelope(key, "{\"label\":\"naked\",\"seq\":3}");
        String good = label("after-poison");
        send(key, ProbeConsumer.TYPE, probe(good, 4));

        await().atMost(DEADLINE).until(() -> probe.applied().contains(good));
        assertEquals(List.of(good), probe.applied().stream().filter(l -> l.equals(good)).toList());
        await().atMost(DEADLINE).until(() -> deadLetters("unreadable") == unreadable + 2);
        assertEquals(unknown + 1, deadLetters("unknown-type"));
        assertEquals(invalid + 1, deadLetters("invalid"));

        JsonPath list = deadLetterList();
        assertEquals("unreadable", letter(list, bad).get("kind"));
        assertEquals(topic, letter(list, bad).get("originTopic"));
        assertEquals(ProbeConsumer.NAME, letter(list, bad).get("consumer"));
        assertTrue(((String) letter(list, newer).get("reason")).contains("unknown type or version"));
        assertTrue(((String) letter(list, missing).get("reason")).contains("label"));
        assertNotNull(letter(list, newer).get("originOffset"));
        assertEquals(unexpected, unexpectedRetries(), "the records after a dead letter are applied at once, not retried");
    }

    @Test
    void anOutageIsRetriedWithoutLimitAndNothingIsSkipped() {
        String key = "k-" + UUID.randomUUID();
        String first = label("during-outage");
        String second = label("after-outage");
        probe.outage(first, 6);
        double dead = deadLetters("unreadable") + deadLetters("invalid") + deadLetters("unknown-type");
        send(key, ProbeConsumer.TYPE, probe(first, 1));
        send(key, ProbeConsumer.TYPE, probe(second, 2));

        await().atMost(DEADLINE).until(() -> probe.applied().contains(second));
        List<String> mine = probe.applied().stream().filter(l -> l.equals(first) || l.equals(second)).toList();
        assertEquals(List.of(first, second), mine, "applied once each, in order");
        assertEquals(dead, deadLetters("unreadable") + deadLetters("invalid") + deadLetters("unknown-type"));
        // One of the six may be met by the batch's shared transaction, which then goes one record at a time.
        assertTrue(meters.counter(EventConsumer.RETRIES, "consumer", ProbeConsumer.NAME, "kind", "outage").count() >= 5);
        ready();
    }

    @Test
    void anUnexpectedFailureHoldsThePartitionWithReadinessDownUntilItPasses() {
        String key = "k-" + UUID.randomUUID();
        String stuck = label("bug");
        String behind = label("behind-the-bug");
        probe.bug(stuck);
        send(key, ProbeConsumer.TYPE, probe(stuck, 1));
        send(key, ProbeConsumer.TYPE, probe(behind, 2));

        await().atMost(DEADLINE).until(() -> given().get("/q/health/ready").statusCode() == 503);
        String why = given().get("/q/health/ready").jsonPath()
                .getString("checks.find { it.name == 'event consumers' }.data.'test.probe'");
        assertTrue(why.startsWith("stalled on event"), why);
        assertFalse(why.contains("simulated bug"), "readiness carries no exception text: " + why);
        assertFalse(probe.applied().contains(behind), "nothing behind the held record is applied");
        assertEquals(1.0, meters.get("c2c.messaging.consumer.stalled").tag("consumer", ProbeConsumer.NAME)
                .gauge().value());

        probe.reset(); // the fix is deployed
        await().atMost(DEADLINE).until(() -> probe.applied().contains(behind));
        assertEquals(List.of(stuck, behind),
                probe.applied().stream().filter(l -> l.equals(stuck) || l.equals(behind)).toList());
        ready();
    }

    @Test
    void anOperatorReplaysADeadLetterOnceItsCauseIsFixed() {
        String key = "k-" + UUID.randomUUID();
        String refused = label("refused");
        probe.refuse(refused);
        String eventId = send(key, ProbeConsumer.TYPE, probe(refused, 1));
        await().atMost(DEADLINE).until(() -> hasLetter(eventId));
        String id = (String) letter(deadLetterList(), eventId).get("id");
        assertEquals(false, letterView(deadLetterList(), eventId).get("applied"));

        // Still refused: the replay says so and changes nothing.
        given().spec(As.admin()).post("/api/v1/dead-letters/messaging-test/" + id + "/replay")
                .then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("still-poison"));
        assertFalse(probe.applied().contains(refused));

        probe.reset();
        given().spec(As.admin()).post("/api/v1/dead-letters/messaging-test/" + id + "/replay")
                .then().statusCode(200).body("outcome", equalTo("applied")).body("eventId", equalTo(eventId));
        given().spec(As.admin()).post("/api/v1/dead-letters/messaging-test/" + id + "/replay")
                .then().statusCode(200).body("outcome", equalTo("already-applied"));
        assertEquals(1, probe.applied().stream().filter(refused::equals).count());
        assertEquals(true, letterView(deadLetterList(), eventId).get("applied"));

        given().spec(As.user("someone-" + UUID.randomUUID())).get("/api/v1/dead-letters/messaging-test")
                .then().statusCode(403);
        given().get("/api/v1/dead-letters/messaging-test").then().statusCode(401);
        given().spec(As.admin()).get("/api/v1/dead-letters/another-service").then().statusCode(404);
        given().spec(As.admin()).post("/api/v1/dead-letters/messaging-test/0-999999999/replay")
                .then().statusCode(404);
        given().spec(As.admin()).get("/api/v1/dead-letters/messaging-test?limit=0").then().statusCode(400);
    }

    @Test
    void aBurstIsAppliedInSharedTransactionsInOrderAndOnceEach() {
        String key = "k-" + UUID.randomUUID();
        List<String> labels = IntStream.range(0, 60).mapToObj(i -> label("burst-" + i)).toList();
        long batches = batches();
        double fallbacks = fallbacks();

        sendAll(key, labels);

        await().atMost(DEADLINE).until(() -> probe.applied().contains(labels.getLast()));
        assertEquals(labels, probe.applied().stream().filter(labels::contains).toList(), "once each, in order");
        long used = batches() - batches;
        assertTrue(used < labels.size() / 2, "60 records sent together came in " + used + " batches");
        assertEquals(fallbacks, fallbacks(), "no batch had to go one record at a time");
        assertEquals(labels.size(), TestDatabase.queryLong("select count(*) from inbox_event where consumer = '"
                + ProbeConsumer.NAME + "' and event_id in (" + String.join(",", sentIds.stream()
                        .map(id -> "'" + id + "'").toList()) + ")"));
    }

    @Test
    void aRecordRefusedInsideABatchIsDeadLetteredAloneAndTheOthersAreAppliedOnceInOrder() {
        String key = "k-" + UUID.randomUUID();
        List<String> labels = IntStream.range(0, 30).mapToObj(i -> label("mixed-" + i)).toList();
        String refused = labels.get(15);
        probe.refuse(refused);
        double invalid = deadLetters("invalid");
        double unexpected = unexpectedRetries();

        sendAll(key, labels);

        await().atMost(DEADLINE).until(() -> probe.applied().contains(labels.getLast()));
        List<String> expected = labels.stream().filter(l -> !l.equals(refused)).toList();
        assertEquals(expected, probe.applied().stream().filter(labels::contains).toList(),
                "every other record once, in order; nothing of the rolled-back batch left behind");
        await().atMost(DEADLINE).until(() -> deadLetters("invalid") == invalid + 1);
        assertEquals(unexpected, unexpectedRetries(),
                "going one record at a time and past a dead letter holds no record (each starts on the consumer's context)");
        ready();
    }

    @Test
    void aBatchThatMeetsADeadlockIsTriedAgainWholeAndAppliedOnceInOrder() {
        String key = "k-" + UUID.randomUUID();
        List<String> labels = IntStream.range(0, 30).mapToObj(i -> label("conflict-" + i)).toList();
        probe.conflict(labels.get(20), 1);
        double fallbacks = fallbacks();
        double conflicts = retries("conflict");

        sendAll(key, labels);

        await().atMost(DEADLINE).until(() -> probe.applied().contains(labels.getLast()));
        assertEquals(labels, probe.applied().stream().filter(labels::contains).toList(), "once each, in order");
        assertEquals(conflicts + 1, retries("conflict"), "the batch was tried again once");
        assertEquals(fallbacks, fallbacks(), "and not one record at a time");
    }

    private void ready() {
        await().atMost(DEADLINE).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private double deadLetters(String reason) {
        Counter counter = meters.find(EventConsumer.DEAD_LETTERS).tag("consumer", ProbeConsumer.NAME)
                .tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static JsonPath deadLetterList() {
        return given().spec(As.admin()).get("/api/v1/dead-letters/messaging-test?limit=100")
                .then().statusCode(200).extract().jsonPath();
    }

    private static boolean hasLetter(String eventId) {
        return deadLetterList().getList("items.letter.eventId").contains(eventId);
    }

    private static Map<String, Object> letter(JsonPath list, String eventId) {
        return list.getMap("items.find { it.letter.eventId == '" + eventId + "' }.letter");
    }

    private static Map<String, Object> letterView(JsonPath list, String eventId) {
        return list.getMap("items.find { it.letter.eventId == '" + eventId + "' }");
    }

    private static String label(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String probe(String label, int seq) {
        return "{\"label\":\"" + label + "\",\"seq\":" + seq + "}";
    }

    /** Sends a CloudEvent in binary mode, as the outbox relay does; returns its event id. */
    private String send(String key, String type, String data) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(id)).add("ce_type", bytes(type))
                .add("ce_source", bytes("/test")).add("content-type", bytes("application/json"));
        produce(record);
        return id;
    }

    private final List<String> sentIds = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Sends one probe per label through one producer, all before the first is acknowledged (one burst). */
    private void sendAll(String key, List<String> labels) {
        sentIds.clear();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.BOOTSTRAP);
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                String id = UUID.randomUUID().toString();
                sentIds.add(id);
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, probe(labels.get(i), i));
                record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(id))
                        .add("ce_type", bytes(ProbeConsumer.TYPE)).add("ce_source", bytes("/test"))
                        .add("content-type", bytes("application/json"));
                sent.add(producer.send(record));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    private double unexpectedRetries() {
        return retries("unexpected");
    }

    /** A record's retries count under its consumer, a batch's (conflicts) under its channel. */
    private double retries(String kind) {
        String by = kind.equals("conflict") ? ProbeConsumer.CHANNEL : ProbeConsumer.NAME;
        Counter counter = meters.find(EventConsumer.RETRIES).tag("consumer", by)
                .tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    private long batches() {
        DistributionSummary summary = meters.find(EventConsumer.BATCH_SIZE).tag("consumer", ProbeConsumer.CHANNEL)
                .summary();
        return summary == null ? 0 : summary.count();
    }

    private double fallbacks() {
        Counter counter = meters.find(EventConsumer.BATCH_FALLBACKS).tag("consumer", ProbeConsumer.CHANNEL).counter();
        return counter == null ? 0 : counter.count();
    }

    private void sendWithoutEnvelope(String key, String data) {
        produce(new ProducerRecord<>(topic, key, data));
    }

    private static void produce(ProducerRecord<String, String> record) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.BOOTSTRAP);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + record.topic(), e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
