package com.c2c.matching.book;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.platform.messaging.outbox.Outbox.NewEvent;
import com.c2c.testkit.As;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.TopicProbe;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The engine's faults on the real Kafka and PostgreSQL (issue #10): a record it cannot apply is
 * rejected or dead-lettered, the same way on every replay, and every market keeps matching; a batch
 * whose commit fails leaves nothing in the books or their snapshot and is done again exactly once; an
 * engine rebuilt on an emptied input topic never repeats a trade id. Markets of their own.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_matching"))
@QuarkusTestResource(value = FreshTopicResource.class, initArgs = {
        @ResourceArg(name = "property", value = "c2c.matching.input-topic"),
        @ResourceArg(name = "c2c.matching.engine-enabled", value = "true"),
        @ResourceArg(name = "c2c.matching.snapshot-interval", value = "1h")})
@QuarkusTestResource(value = FreshTopicResource.class, initArgs = {
        @ResourceArg(name = "property", value = "c2c.matching.dead-letter-topic"),
        @ResourceArg(name = "partitions", value = "1")})
class EngineFaultsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    EngineLoop loop;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "c2c.matching.input-topic")
    String inputTopic;

    @ConfigProperty(name = "c2c.matching.dead-letter-topic")
    String deadLetterTopic;

    @ConfigProperty(name = "c2c.matching.group-id")
    String groupId;

    @Test
    void poisonInputsAreRejectedOrDeadLetteredAndEveryMarketKeepsMatching() {
        openMarket("GBP");
        openMarket("SGD");
        UUID unknownMethod = UUID.randomUUID();
        UUID noSide = UUID.randomUUID();
        String badJsonId = UUID.randomUUID().toString();
        String unknownTypeId = UUID.randomUUID().toString();
        String noOrderId = UUID.randomUUID().toString();
        String badJson = "{\"orderId\":\"" + UUID.randomUUID() + "\",\"market\":\"USDT-GBP\",";
        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.MATCHING_EVENTS);
                DeadLetterProbe dead = new DeadLetterProbe(deadLetterTopic)) {
            double unreadableBefore = deadLetters("unreadable");
            String[] eventIds = {UUID.randomUUID().toString(), UUID.randomUUID().toString(), badJsonId, unknownTypeId,
                noOrderId};
            for (String[] poison : poisons(eventIds, unknownMethod, noSide, badJson)) {
                events.publish(inputTopic, "USDT-GBP", poison[0], poison[1], poison[2]);
            }

            // Readable enough to name the order: rejected, so order-service releases what it reserved.
            assertRejected(out, unknownMethod, "INVALID_INPUT");
            assertRejected(out, noSide, "INVALID_INPUT");

            // Not readable as an input of the book: dead-lettered as received, with the origin in headers.
            DeadLetterProbe.Letter unreadable = dead.await(l -> badJsonId.equals(l.header("ce_id")), DEADLINE);
            assertEquals("USDT-GBP", unreadable.key());
            assertEquals(badJson, unreadable.value());
            assertTrue(unreadable.header("dead-letter-reason").startsWith("unreadable"), unreadable.headers().toString());
            assertTrue(unreadable.header("dead-letter-cause").startsWith("com.fasterxml.jackson.core."),
                    unreadable.header("dead-letter-cause"));
            assertEquals(inputTopic, unreadable.header("dead-letter-topic"));
            assertTrue(Integer.parseInt(unreadable.header("dead-letter-partition")) >= 0);
            assertTrue(Long.parseLong(unreadable.header("dead-letter-offset")) >= 0);
            assertEquals("matching-service", unreadable.header("dead-letter-consumer"));
            assertEquals("matching-service", unreadable.header("dead-letter-service"));
            assertEquals("unreadable", unreadable.header("dead-letter-kind"));
            assertEquals(EventTypes.ORDER_PLACED, unreadable.header("ce_type"));
            assertEquals("application/json", unreadable.header("content-type"));
            DeadLetterProbe.Letter unknownType = dead.await(l -> unknownTypeId.equals(l.header("ce_id")), DEADLINE);
            assertTrue(unknownType.header("dead-letter-reason").startsWith("unknown-type"), unknownType.headers().toString());
            DeadLetterProbe.Letter noId = dead.await(l -> noOrderId.equals(l.header("ce_id")), DEADLINE);
            assertTrue(noId.header("dead-letter-reason").startsWith("invalid"), noId.headers().toString());
            await().atMost(DEADLINE).until(() -> deadLetters("unreadable") >= unreadableBefore + 1
                    && deadLetters("unknown-type") >= 1 && deadLetters("invalid") >= 1);

            // Another market, after the poison: it matches.
            UUID ad = UUID.randomUUID();
            listSellAd(events, ad, "USDT-SGD", 135, "BANK_TRANSFER");
            UUID order = UUID.randomUUID();
            placeBuy(events, order, "USDT-SGD", 13500);
            awaitTrade(out, order);

            // Rebuilt from its last snapshot, the engine replays the poison too, decides the same (silently: it
            // was committed) and goes on matching; nothing is dead-lettered a second time.
            int lettersBefore = dead.seen().size();
            loop.simulateCrash(EngineLoop.CrashPoint.AFTER_COMMIT);
            UUID crashing = UUID.randomUUID();
            placeBuy(events, crashing, "USDT-SGD", 13500);
            awaitTrade(out, crashing);
            UUID after = UUID.randomUUID();
            placeBuy(events, after, "USDT-SGD", 13500);
            awaitTrade(out, after);
            assertTrue(loop.healthy());
            await().pollDelay(Duration.ofSeconds(2)).atMost(DEADLINE).until(() -> true);
            assertEquals(lettersBefore, dead.seen().size(), "a replay must not dead-letter again");
        }
    }

    @Test
    void aReplayOfTheSamePoisonDecidesTheSame() {
        List<Object> first = decide();
        List<Object> second = decide();
        assertEquals(first, second);
        // unknownMethod and noSide rejected, the other three dead-lettered as unreadable, unknown-type, invalid.
        assertEquals(5, first.stream().filter(d -> d instanceof PoisonInput || d instanceof NewEvent).count());
    }

    /** Applies the poison to a fresh state; what it decided, in order (event ids fixed, so comparable). */
    private List<Object> decide() {
        BookState state = new BookState(json, (market, partition, offset) -> OptionalLong.of(1), 16);
        String[] eventIds = {"e1", "e2", "e3", "e4", "e5"};
        List<Object> decisions = new ArrayList<>();
        long offset = 0;
        for (String[] poison : poisons(eventIds, new UUID(0, 1), new UUID(0, 2), "{\"orderId\":")) {
            List<NewEvent> out = new ArrayList<>();
            PoisonInput decision = state.apply(0, offset++, poison[0], poison[1], poison[2], out);
            if (decision != null) {
                decisions.add(decision);
            }
            decisions.addAll(out);
        }
        return decisions;
    }

    /** {ce_id, ce_type, value} of each poison record, in the order they are published. */
    private static List<String[]> poisons(String[] eventIds, UUID unknownMethod, UUID noSide, String badJson) {
        return List.of(
                new String[] {eventIds[0], EventTypes.ORDER_PLACED, """
                        {"orderId":"%s","ownerId":"bob","market":"USDT-GBP","side":"BUY","mode":"EXPRESS_FIAT",
                         "amount":10000,"priceMinor":0,"timeInForce":"IOC","paymentMethods":["CARRIER_PIGEON"],
                         "completedTrades":3}""".formatted(unknownMethod)},
                new String[] {eventIds[1], EventTypes.ORDER_PLACED, """
                        {"orderId":"%s","ownerId":"bob","market":"USDT-GBP","mode":"EXPRESS_FIAT",
                         "amount":10000,"priceMinor":0,"timeInForce":"IOC","paymentMethods":["SEPA"],
                         "completedTrades":3}""".formatted(noSide)},
                new String[] {eventIds[2], EventTypes.ORDER_PLACED, badJson},
                new String[] {eventIds[3], "c2c.order.OrderTeleported.v1", "{\"orderId\":\"" + unknownMethod + "\"}"},
                new String[] {eventIds[4], EventTypes.ORDER_PLACED, """
                        {"ownerId":"bob","market":"USDT-GBP","side":"BUY","mode":"EXPRESS_FIAT","amount":10000,
                         "paymentMethods":["SEPA"],"completedTrades":3}"""});
    }

    @Test
    void aBatchWhoseCommitFailsLeavesNoTraceInTheBooksOrTheirSnapshot() {
        openMarket("HKD");
        UUID ad = UUID.randomUUID();
        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.MATCHING_EVENTS)) {
            // 1,000 USDT at 7.80 HKD.
            listSellAd(events, ad, "USDT-HKD", 780, "BANK_TRANSFER");
            UUID first = UUID.randomUUID();
            placeBuy(events, first, "USDT-HKD", 78000);
            awaitTrade(out, first);

            // The commit of the next batch fails as when another instance fenced this one: the engine drops its
            // books and stands by (ADR 0017); no other instance holds the lead here, so it takes it again, restores
            // the last snapshot (only what was committed) and replays: the order fenced away trades exactly once.
            long fencesBefore = loop.fences();
            loop.simulateCrash(EngineLoop.CrashPoint.FENCED_AT_COMMIT);
            UUID fenced = UUID.randomUUID();
            placeBuy(events, fenced, "USDT-HKD", 78000);
            await().atMost(DEADLINE).until(() -> loop.fences() == fencesBefore + 1);
            String error = loop.lastStandByReason();
            assertEquals(EngineFailure.FENCED, error);
            assertFalse(error.contains("simulated") || error.contains("Exception"), error);
            ConsumedEvent trade = awaitTrade(out, fenced);
            await().atMost(DEADLINE).until(() -> loop.role() == EngineLoop.Role.LEADING && loop.healthy());
            assertTrue(trade.data().contains("\"quantityMicros\":100000000"), trade.data());
            UUID rest = UUID.randomUUID();
            placeBuy(events, rest, "USDT-HKD", 624000); // 800 USDT: exactly what the ad has left
            ConsumedEvent last = awaitTrade(out, rest);
            assertTrue(last.data().contains("\"quantityMicros\":800000000"), last.data());

            // Now fenced for real: another producer takes the engine's transactional id while it runs.
            UUID second = UUID.randomUUID();
            listSellAd(events, second, "USDT-HKD", 790, "BANK_TRANSFER");
            UUID onSecond = UUID.randomUUID();
            placeBuy(events, onSecond, "USDT-HKD", 79000);
            awaitTrade(out, onSecond);
            UUID usurped = UUID.randomUUID();
            try (KafkaProducer<String, String> usurper = transactionalProducer(groupId + "-" + inputTopic)) {
                usurper.initTransactions();
                placeBuy(events, usurped, "USDT-HKD", 79000);
                await().atMost(DEADLINE).until(() -> loop.fences() == fencesBefore + 2);
            }
            assertEquals(EngineFailure.FENCED, loop.lastStandByReason());
            awaitTrade(out, usurped);
            UUID secondRest = UUID.randomUUID();
            placeBuy(events, secondRest, "USDT-HKD", 632000); // 800 USDT at 7.90: what the second ad has left
            ConsumedEvent secondLast = awaitTrade(out, secondRest);
            assertTrue(secondLast.data().contains("\"quantityMicros\":800000000"), secondLast.data());

            await().pollDelay(Duration.ofSeconds(2)).atMost(DEADLINE).until(() -> true);
            for (UUID order : List.of(fenced, usurped)) {
                assertEquals(1, out.seen().stream().filter(e -> EventTypes.TRADE_MATCHED.equals(e.type()))
                        .filter(e -> e.data().contains("\"takerOrderId\":\"" + order + "\"")).count(),
                        "trades of " + order);
            }
        }
    }

    private static KafkaProducer<String, String> transactionalProducer(String transactionalId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.BOOTSTRAP);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @Test
    void aStandbyTakesTheLeadWhenTheLeadersSessionEndsAndTheOrdersThatWaitedTradeOnce() {
        openMarket("PHP");
        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.MATCHING_EVENTS)) {
            listSellAd(events, UUID.randomUUID(), "USDT-PHP", 135, "BANK_TRANSFER");
            UUID before = UUID.randomUUID();
            placeBuy(events, before, "USDT-PHP", 13500);
            awaitTrade(out, before);

            // A second instance stands by (same engine, its own session): the engine leads, so it cannot take the lead.
            var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
            UUID waited = UUID.randomUUID();
            EngineLeadership standby = new EngineLeadership(config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getValue("quarkus.datasource.username", String.class),
                    config.getValue("quarkus.datasource.password", String.class), groupId + "-" + inputTopic, "test-standby");
            try {
                assertFalse(standby.tryTake(), "the running engine holds the lead");
                assertEquals(EngineLoop.Role.LEADING, loop.role());

                // The leader's database session ends (its pod died, or the connection was cut): the standby takes the
                // lead, and the engine, finding its session gone and the lead taken, drops its books and stands by.
                String leader = EngineLeadership.applicationName(config.getValue("c2c.instance-id", String.class));
                await().atMost(DEADLINE).until(() -> {
                    TestDatabase.queryLong("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                            + " where application_name = '" + leader + "'");
                    return standby.tryTake();
                });
                await().atMost(DEADLINE).until(() -> loop.role() == EngineLoop.Role.STANDBY);
                assertEquals(EngineFailure.LEAD_LOST, loop.lastStandByReason());
                assertEquals("STANDBY", given().when().get("/q/health/ready").then().statusCode(503).extract()
                        .path("checks.find { it.name == 'matching engine' }.data.role"));

                // Orders that come while this instance stands by are not matched by it.
                placeBuy(events, waited, "USDT-PHP", 13500);
                await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
                assertEquals(0, trades(out, waited), "a standby matched an order");
            } finally {
                standby.close(); // the other instance stops: its lock goes with its session
            }

            // This instance takes the lead back, rebuilds and matches what waited, exactly once.
            awaitTrade(out, waited);
            await().atMost(DEADLINE).until(() -> loop.role() == EngineLoop.Role.LEADING && loop.healthy());
            await().pollDelay(Duration.ofSeconds(2)).atMost(DEADLINE).until(() -> true);
            assertEquals(1, trades(out, waited));
            assertEquals(1, trades(out, before), "a trade from before the takeover was sent again");
        }
    }

    private static long trades(TopicProbe out, UUID takerOrder) {
        return out.seen().stream().filter(e -> EventTypes.TRADE_MATCHED.equals(e.type()))
                .filter(e -> e.data().contains("\"takerOrderId\":\"" + takerOrder + "\"")).count();
    }

    @Test
    void anEngineRebuiltOnAnEmptiedTopicNeverRepeatsATradeId() throws Exception {
        openMarket("NZD");
        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.MATCHING_EVENTS)) {
            listSellAd(events, UUID.randomUUID(), "USDT-NZD", 170, "BANK_TRANSFER");
            UUID before = UUID.randomUUID();
            placeBuy(events, before, "USDT-NZD", 17000);
            ConsumedEvent first = awaitTrade(out, before);
            assertTrue(first.data().contains("\"sequence\":1,"), first.data());

            // The input topic loses its records and the snapshots are dropped (the runbook's way to start
            // the books empty): the engine rebuilds from nothing, and its books count trades from 1 again.
            truncate(inputTopic);
            TestDatabase.update("delete from book_snapshot");
            loop.simulateCrash(EngineLoop.CrashPoint.AFTER_COMMIT);
            listSellAd(events, UUID.randomUUID(), "USDT-NZD", 170, "BANK_TRANSFER");
            UUID after = UUID.randomUUID();
            placeBuy(events, after, "USDT-NZD", 17000);
            ConsumedEvent second = awaitTrade(out, after);
            assertTrue(second.data().contains("\"sequence\":1,"), "rebuilt from nothing: " + second.data());
            assertNotEquals(tradeId(first), tradeId(second), "a trade id was emitted twice");
        }
    }

    private String tradeId(ConsumedEvent trade) throws Exception {
        String id = json.readTree(trade.data()).get("tradeId").asText();
        assertNotNull(id);
        return id;
    }

    /** Deletes every record of the topic (its offsets go on from where they were). */
    private static void truncate(String topic) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.BOOTSTRAP);
        try (Admin admin = Admin.create(props)) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> delete.put(tp,
                    RecordsToDelete.beforeOffset(info.offset())));
            admin.deleteRecords(delete).all().get();
        }
    }

    /** The value of the dead-letter counter for {@code reason}, 0 if it has none yet. */
    private static double deadLetters(String reason) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^c2c_messaging_dead_letters_total\\{consumer=\"matching-service\",reason=\""
                + Pattern.quote(reason) + "\"} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void openMarket(String fiat) {
        As.user("admin1", "admin").contentType(ContentType.JSON)
                .body("{\"asset\":\"USDT\",\"fiat\":\"%s\",\"tickSize\":\"0.01\"}".formatted(fiat))
                .when().post("/api/v1/markets").then().statusCode(201);
    }

    /** 1,000 USDT for sale by merchant1, 10.00..10,000.00 fiat per order. */
    private void listSellAd(TestEvents events, UUID adId, String market, long priceMinor, String method) {
        events.publish(inputTopic, market, UUID.randomUUID().toString(), EventTypes.AD_LISTED, """
                {"adId":"%s","ownerId":"merchant1","market":"%s","side":"SELL","priceMinor":%d,
                 "quantityMicros":1000000000,"minOrderMinor":1000,"maxOrderMinor":1000000,
                 "paymentMethods":["%s"],"minCompletedTrades":0}""".formatted(adId, market, priceMinor, method));
    }

    /** An express buy by bob for {@code fiatMinor}, by bank transfer. */
    private void placeBuy(TestEvents events, UUID orderId, String market, long fiatMinor) {
        events.publish(inputTopic, market, UUID.randomUUID().toString(), EventTypes.ORDER_PLACED, """
                {"orderId":"%s","ownerId":"bob","market":"%s","side":"BUY","mode":"EXPRESS_FIAT","amount":%d,
                 "priceMinor":0,"timeInForce":"IOC","paymentMethods":["BANK_TRANSFER"],"completedTrades":3}"""
                .formatted(orderId, market, fiatMinor));
    }

    private static void assertRejected(TopicProbe out, UUID order, String reason) {
        ConsumedEvent rejected = out.await(e -> EventTypes.ORDER_REJECTED.equals(e.type())
                && e.data().contains(order.toString()), DEADLINE);
        assertTrue(rejected.data().contains("\"reason\":\"" + reason + "\""), rejected.data());
    }

    private static ConsumedEvent awaitTrade(TopicProbe out, UUID takerOrder) {
        return out.await(e -> EventTypes.TRADE_MATCHED.equals(e.type())
                && e.data().contains("\"takerOrderId\":\"" + takerOrder + "\""), DEADLINE);
    }
}
