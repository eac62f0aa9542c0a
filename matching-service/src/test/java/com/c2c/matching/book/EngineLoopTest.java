package com.c2c.matching.book;

import com.c2c.testkit.As;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The engine loop on the real Kafka and PostgreSQL: ad and order events in, trades and rejects out
 * in Kafka transactions; a redelivered input is applied once; an aborted batch is never seen and is
 * done again; after a crash (rebuild from no snapshot, then from a snapshot) the books are the same
 * and no trade is emitted twice. Orders on a chosen ad and price-only ad amends, each in a market of
 * its own.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_matching"))
@QuarkusTestResource(value = FreshTopicResource.class, initArgs = {
        @ResourceArg(name = "property", value = "c2c.matching.input-topic"),
        @ResourceArg(name = "c2c.matching.engine-enabled", value = "true"),
        @ResourceArg(name = "c2c.matching.snapshot-interval", value = "1h")})
class EngineLoopTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String MARKET = "USDT-CNY";

    @Inject
    EngineLoop loop;

    @ConfigProperty(name = "c2c.matching.input-topic")
    String inputTopic;

    @Test
    void ordersMatchOnceThroughCrashesAndRedeliveries() {
        As.user("admin1", "admin").contentType(ContentType.JSON)
                .body("{\"asset\":\"USDT\",\"fiat\":\"CNY\",\"tickSize\":\"0.01\"}")
                .when().post("/api/v1/markets").then().statusCode(201);
        UUID ad = UUID.randomUUID();
        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.MATCHING_EVENTS)) {
            // 1,000 USDT at 7.20 CNY, 100..5,000 CNY per order, Alipay only.
            events.publish(inputTopic, MARKET, UUID.randomUUID().toString(), EventTypes.AD_LISTED, """
                    {"adId":"%s","ownerId":"merchant1","market":"USDT-CNY","side":"SELL","priceMinor":720,
                     "quantityMicros":1000000000,"minOrderMinor":10000,"maxOrderMinor":500000,
                     "paymentMethods":["ALIPAY"],"minCompletedTrades":0}""".formatted(ad));

            UUID first = UUID.randomUUID();
            String firstEventId = UUID.randomUUID().toString();
            expressBuy(events, first, firstEventId, 72000, "ALIPAY");
            ConsumedEvent trade = awaitTrade(out, first);
            assertTrue(trade.data().contains("\"quantityMicros\":100000000"), trade.data());
            assertTrue(trade.data().contains("\"fiatAmountMinor\":72000"), trade.data());
            assertTrue(trade.data().contains("\"sellerId\":\"merchant1\""), trade.data());
            assertTrue(trade.data().contains("\"makerOrderId\":\"" + ad + "\""), trade.data());

            // The same event delivered again is not applied again.
            expressBuy(events, first, firstEventId, 72000, "ALIPAY");
            UUID second = UUID.randomUUID();
            expressBuy(events, second, UUID.randomUUID().toString(), 144000, "ALIPAY");
            awaitTrade(out, second);

            UUID wechat = UUID.randomUUID();
            expressBuy(events, wechat, UUID.randomUUID().toString(), 72000, "WECHAT_PAY");
            ConsumedEvent rejected = out.await(e -> EventTypes.ORDER_REJECTED.equals(e.type())
                    && e.data().contains(wechat.toString()), DEADLINE);
            assertTrue(rejected.data().contains("NO_ELIGIBLE_AD"), rejected.data());
            // It names what it refused, so order-service knows whether the book holds anything of it.
            assertTrue(rejected.data().contains("\"command\":\"" + EventTypes.ORDER_PLACED + "\""), rejected.data());

            // Crash with outputs sent but not committed: nobody sees them; the batch is done again.
            loop.simulateCrash(EngineLoop.CrashPoint.BEFORE_COMMIT);
            UUID afterAbort = UUID.randomUUID();
            expressBuy(events, afterAbort, UUID.randomUUID().toString(), 72000, "ALIPAY");
            awaitTrade(out, afterAbort);

            // Crash after a commit, with no snapshot yet: the books are rebuilt by replaying the whole input.
            loop.simulateCrash(EngineLoop.CrashPoint.AFTER_COMMIT);
            UUID third = UUID.randomUUID();
            expressBuy(events, third, UUID.randomUUID().toString(), 72000, "ALIPAY");
            awaitTrade(out, third);

            // Crash after a snapshot: restored from it, the tail replayed.
            loop.requestSnapshot();
            UUID fourth = UUID.randomUUID();
            expressBuy(events, fourth, UUID.randomUUID().toString(), 72000, "ALIPAY");
            awaitTrade(out, fourth);
            await().atMost(DEADLINE).until(() -> TestDatabase.queryLong("select count(*) from book_snapshot") >= 1);
            loop.simulateCrash(EngineLoop.CrashPoint.AFTER_COMMIT);
            UUID fifth = UUID.randomUUID();
            expressBuy(events, fifth, UUID.randomUUID().toString(), 288000, "ALIPAY");
            ConsumedEvent last = awaitTrade(out, fifth);
            // 1,000 - 100 - 200 - 100 - 100 - 100 = 400 USDT were left, exactly what the last order takes.
            assertTrue(last.data().contains("\"quantityMicros\":400000000"), last.data());
            assertTrue(last.data().contains("\"sequence\":6"), last.data());

            // Exactly one committed trade per order, despite an aborted batch, two replays and a redelivery.
            List<String> ours = List.of(first, second, afterAbort, third, fourth, fifth).stream()
                    .map(UUID::toString).toList();
            await().pollDelay(Duration.ofSeconds(2)).atMost(DEADLINE).until(() -> true);
            long trades = out.seen().stream().filter(e -> EventTypes.TRADE_MATCHED.equals(e.type()))
                    .filter(e -> ours.stream().anyMatch(id -> e.data().contains("\"takerOrderId\":\"" + id + "\"")))
                    .count();
            assertEquals(6, trades);
        }
    }

    @Test
    void anOrderOnAChosenAdTradesWithThatAdOnly() {
        openMarket("INR");
        UUID cheaper = UUID.randomUUID();
        UUID chosen = UUID.randomUUID();
        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.MATCHING_EVENTS)) {
            // Two ads of 1,000 USDT, 100..100,000 INR per order: 88.00 and the chosen one at 90.00.
            listSellAd(events, cheaper, "merchant1", "USDT-INR", 8800, 10000, 10000000, "UPI");
            listSellAd(events, chosen, "merchant2", "USDT-INR", 9000, 10000, 10000000, "UPI");

            UUID order = UUID.randomUUID();
            placeBuy(events, order, "USDT-INR", "AD_FIAT", 900000, chosen, "UPI");
            ConsumedEvent trade = awaitTrade(out, order);
            assertTrue(trade.data().contains("\"makerOrderId\":\"" + chosen + "\""), trade.data());
            assertTrue(trade.data().contains("\"priceMinor\":9000,"), trade.data());
            assertTrue(trade.data().contains("\"quantityMicros\":100000000"), trade.data());
            assertTrue(trade.data().contains("\"fiatAmountMinor\":900000"), trade.data());
            assertTrue(trade.data().contains("\"sellerId\":\"merchant2\""), trade.data());
            assertTrue(trade.data().contains("\"buyerId\":\"bob\""), trade.data());

            // 901 USDT: more than the 900 the chosen ad has left, and never topped up from the other ad.
            UUID tooMuch = UUID.randomUUID();
            placeBuy(events, tooMuch, "USDT-INR", "AD_QUANTITY", 901000000, chosen, "UPI");
            assertRejected(out, tooMuch, "AD_NOT_ELIGIBLE");

            UUID noAd = UUID.randomUUID();
            placeBuy(events, noAd, "USDT-INR", "AD_FIAT", 900000, null, "UPI");
            assertRejected(out, noAd, "MISSING_AD_ID");

            UUID unknownAd = UUID.randomUUID();
            placeBuy(events, unknownAd, "USDT-INR", "AD_QUANTITY", 1000000, UUID.randomUUID(), "UPI");
            assertRejected(out, unknownAd, "AD_NOT_AVAILABLE");

            // What the chosen ad has left is exactly 900 USDT, still at its own price.
            UUID rest = UUID.randomUUID();
            placeBuy(events, rest, "USDT-INR", "AD_QUANTITY", 900000000, chosen, "UPI");
            ConsumedEvent last = awaitTrade(out, rest);
            assertTrue(last.data().contains("\"makerOrderId\":\"" + chosen + "\""), last.data());
            assertTrue(last.data().contains("\"fiatAmountMinor\":8100000"), last.data());
        }
    }

    @Test
    void aPriceOnlyAmendMovesTheAdWithWhatItHasLeft() {
        openMarket("USD");
        UUID moved = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.MATCHING_EVENTS)) {
            listSellAd(events, moved, "merchant1", "USDT-USD", 102, 0, 100000000, "WISE");
            listSellAd(events, other, "merchant2", "USDT-USD", 101, 0, 100000000, "WISE");
            UUID first = UUID.randomUUID();
            placeBuy(events, first, "USDT-USD", "AD_QUANTITY", 300000000, moved, "WISE");
            awaitTrade(out, first);

            // 1.02 -> 1.00, quantity as the book holds it (700 USDT); the payment window is not the book's.
            events.publish(inputTopic, "USDT-USD", UUID.randomUUID().toString(), EventTypes.AD_AMENDED, """
                    {"adId":"%s","market":"USDT-USD","priceMinor":100,"quantityMicros":-1,"paymentWindowMinutes":30}"""
                    .formatted(moved));

            // Now the best ask: an express order for exactly its 700 USDT fills there, at the new price.
            UUID express = UUID.randomUUID();
            placeBuy(events, express, "USDT-USD", "EXPRESS_QUANTITY", 700000000, null, "WISE");
            ConsumedEvent trade = awaitTrade(out, express);
            assertTrue(trade.data().contains("\"makerOrderId\":\"" + moved + "\""), trade.data());
            assertTrue(trade.data().contains("\"priceMinor\":100,"), trade.data());
            assertTrue(trade.data().contains("\"quantityMicros\":700000000"), trade.data());

            // And it held no more than that.
            UUID after = UUID.randomUUID();
            placeBuy(events, after, "USDT-USD", "AD_QUANTITY", 1000000, moved, "WISE");
            assertRejected(out, after, "AD_NOT_ELIGIBLE");
        }
    }

    @Test
    void anInputRefusedBeforeItsMarketOpenedStaysRefusedWhenTheBooksAreRebuilt() {
        UUID early = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.MATCHING_EVENTS)) {
            // The cheaper ad arrives before USDT-AUD is open and is refused; the dearer one after.
            listSellAd(events, early, "early-merchant", "USDT-AUD", 90, 1000, 100000, "BANK_TRANSFER");
            assertRejected(out, early, "MARKET_NOT_OPEN");
            openMarket("AUD");
            listSellAd(events, later, "later-merchant", "USDT-AUD", 95, 1000, 100000, "BANK_TRANSFER");
            UUID before = UUID.randomUUID();
            placeBuy(events, before, "USDT-AUD", "EXPRESS_FIAT", 9500, null, "BANK_TRANSFER");
            ConsumedEvent first = awaitTrade(out, before);
            assertTrue(first.data().contains("\"makerOrderId\":\"" + later + "\""), first.data());

            // The engine crashes right after committing the next order and rebuilds its books by replaying
            // the log against today's registry, in which USDT-AUD is open.
            loop.simulateCrash(EngineLoop.CrashPoint.AFTER_COMMIT);
            UUID crashing = UUID.randomUUID();
            placeBuy(events, crashing, "USDT-AUD", "EXPRESS_FIAT", 9500, null, "BANK_TRANSFER");
            awaitTrade(out, crashing);
            UUID after = UUID.randomUUID();
            placeBuy(events, after, "USDT-AUD", "EXPRESS_FIAT", 9500, null, "BANK_TRANSFER");
            ConsumedEvent second = awaitTrade(out, after);
            assertTrue(second.data().contains("\"makerOrderId\":\"" + later + "\""),
                    "the refused ad must not be on the rebuilt book: " + second.data());
        }
    }

    private static void openMarket(String fiat) {
        As.user("admin1", "admin").contentType(ContentType.JSON)
                .body("{\"asset\":\"USDT\",\"fiat\":\"%s\",\"tickSize\":\"0.01\"}".formatted(fiat))
                .when().post("/api/v1/markets").then().statusCode(201);
    }

    /** 1,000 USDT for sale, no trade-count condition. */
    private void listSellAd(TestEvents events, UUID adId, String owner, String market, long priceMinor, long minOrder,
            long maxOrder, String method) {
        events.publish(inputTopic, market, UUID.randomUUID().toString(), EventTypes.AD_LISTED, """
                {"adId":"%s","ownerId":"%s","market":"%s","side":"SELL","priceMinor":%d,
                 "quantityMicros":1000000000,"minOrderMinor":%d,"maxOrderMinor":%d,
                 "paymentMethods":["%s"],"minCompletedTrades":0}"""
                .formatted(adId, owner, market, priceMinor, minOrder, maxOrder, method));
    }

    /** A taker buy by bob in {@code mode}; {@code adId} only for the AD_ modes (null writes null). */
    private void placeBuy(TestEvents events, UUID orderId, String market, String mode, long amount, UUID adId,
            String method) {
        events.publish(inputTopic, market, UUID.randomUUID().toString(), EventTypes.ORDER_PLACED, """
                {"orderId":"%s","ownerId":"bob","market":"%s","side":"BUY","mode":"%s","amount":%d,"priceMinor":0,
                 "timeInForce":"IOC","paymentMethods":["%s"],"completedTrades":3,"adId":%s}"""
                .formatted(orderId, market, mode, amount, method, adId == null ? "null" : "\"" + adId + "\""));
    }

    private void assertRejected(TopicProbe out, UUID order, String reason) {
        ConsumedEvent rejected = out.await(e -> EventTypes.ORDER_REJECTED.equals(e.type())
                && e.data().contains(order.toString()), DEADLINE);
        assertTrue(rejected.data().contains("\"reason\":\"" + reason + "\""), rejected.data());
    }

    private ConsumedEvent awaitTrade(TopicProbe out, UUID takerOrder) {
        return out.await(e -> EventTypes.TRADE_MATCHED.equals(e.type())
                && e.data().contains("\"takerOrderId\":\"" + takerOrder + "\""), DEADLINE);
    }

    private void expressBuy(TestEvents events, UUID orderId, String eventId, long fiatMinor, String method) {
        events.publish(inputTopic, MARKET, eventId, EventTypes.ORDER_PLACED, """
                {"orderId":"%s","ownerId":"bob","market":"USDT-CNY","side":"BUY","mode":"EXPRESS_FIAT",
                 "amount":%d,"priceMinor":0,"timeInForce":"IOC","paymentMethods":["%s"],"completedTrades":3}"""
                .formatted(orderId, fiatMinor, method));
    }

    @Test
    void aSnapshotAheadOfItsTopicIsRefusedUntilFixed() throws Exception {
        // As after the order topic was recreated: the newest snapshot has read far past the topic's end.
        BookState ahead = new BookState(new ObjectMapper(), (market, partition, offset) -> OptionalLong.empty(), 16);
        ahead.apply(0, 999_999, "ahead", "c2c.test.Nothing.v1", "{}", new ArrayList<>());
        TestDatabase.update("insert into book_snapshot (inputs, data) values (1, decode('"
                + HexFormat.of().formatHex(ahead.snapshot()) + "', 'hex'))");
        long bad = TestDatabase.queryLong("select max(id) from book_snapshot");
        try (TestEvents events = new TestEvents()) {
            loop.simulateCrash(EngineLoop.CrashPoint.BEFORE_COMMIT);
            events.publish(inputTopic, MARKET, UUID.randomUUID().toString(), "c2c.test.Nothing.v1", "{}");
            await().atMost(DEADLINE).until(() -> !loop.healthy());
            // It stays down (nothing applied from a log it cannot trust) until an operator fixes it.
            await().pollDelay(Duration.ofSeconds(3)).atMost(DEADLINE).until(() -> true);
            assertTrue(!loop.healthy(), "the engine must not run on a snapshot ahead of its topic");
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'matching engine' }.data.error", containsString("recreated or truncated"));

            TestDatabase.update("delete from book_snapshot where id = " + bad);
            await().atMost(DEADLINE).until(loop::healthy);
        }
    }
}
