package com.c2c.order.stream;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.order.Publish;
import com.c2c.order.Publish.Trade;
import com.c2c.order.Rest;
import com.c2c.order.stream.SseClient.Event;
import com.c2c.order.stream.domain.FeedPosition;
import com.c2c.order.stream.domain.FeedType;
import com.c2c.testkit.Keycloak;
import com.c2c.testkit.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/stream and /api/v1/maker/stream: the caller's own events, in commit order, resumable exactly. */
@QuarkusTest
class StreamTest {
    /** Express orders without a priceLimit are limited around the fiat's reference price: CNY has one. */
    @BeforeEach
    void cnyHasAReferencePrice() {
        Rest.referencePrice("CNY", "7.20");
    }

    private static final String MARKET = "USDT-CNY";
    private static final String BUY = """
            {"side":"BUY","asset":"USDT","fiat":"CNY","mode":"EXPRESS_FIAT","amount":"72.00","paymentMethod":"ALIPAY"}""";

    @Inject
    FeedRetention retention;
    @Inject
    LiveStreams streams;
    @Inject
    StreamSlots slots;

    @Test
    void aTraderSeesItsOrderAndTradeInOrderAndResumesWithExactlyWhatItMissed() {
        String trader = "trader-" + UUID.randomUUID();
        String other = "trader-" + UUID.randomUUID();
        List<Event> received = new ArrayList<>();
        try (SseClient others = stream(other)) {
            String orderA;
            Trade trade;
            String lastId;
            try (SseClient first = stream(trader)) {
                orderA = place(trader);
                received.add(expect(first, "order.status", orderA, "PLACED"));

                trade = Trade.of(MARKET, orderA, trader, "BUY", UUID.randomUUID().toString(), "maker-x", 720,
                        10_000_000L);
                Publish.tradeMatched(trade);
                received.add(expect(first, "trade.status", trade.tradeId(), "OPENED"));
                received.add(expect(first, "order.status", orderA, "MATCHED"));
                Publish.escrow(EventTypes.TRADE_LOCKED, trade, "LOCKED", null);
                received.add(expect(first, "trade.status", trade.tradeId(), "LOCKED"));
                lastId = received.getLast().id();
            }

            // Disconnected: more happens.
            Publish.awaitApplied("order.escrow-events", Publish.escrow(EventTypes.TRADE_PAID, trade, "PAID", null));
            String orderB = place(trader);

            try (SseClient resumed = stream(trader, "Last-Event-ID", lastId)) {
                received.add(expect(resumed, "trade.status", trade.tradeId(), "PAID"));
                received.add(expect(resumed, "order.status", orderB, "PLACED"));
                // then live ones
                Publish.escrow(EventTypes.TRADE_COMPLETED, trade, "COMPLETED", null);
                received.add(expect(resumed, "trade.status", trade.tradeId(), "COMPLETED"));
            }
            // A client that cannot set headers resumes the same way.
            try (SseClient byParam = open("/api/v1/stream?lastEventId=" + lastId, bearer(trader))) {
                expect(byParam, "trade.status", trade.tradeId(), "PAID");
            }

            List<FeedPosition> positions = received.stream()
                    .map(e -> FeedPosition.parse(e.id()).orElseThrow()).toList();
            assertEquals(positions.size(), new HashSet<>(positions).size(), "no event twice: " + received);
            assertEquals(positions.stream().sorted().toList(), positions, "in the order of their ids");

            // The other trader's stream saw none of it: its first event is its own order.
            String mine = place(other);
            expect(others, "order.status", mine, "PLACED");
            assertTrue(others.comments() > 0, "heartbeats are comments");
        }
    }

    @Test
    void anIdThatIsNotMineMalformedOrNoLongerKeptIsGone() {
        String trader = "trader-" + UUID.randomUUID();
        String id;
        try (SseClient s = stream(trader)) {
            String order = place(trader);
            id = expect(s, "order.status", order, "PLACED").id();
        }
        assertGone(stream("trader-" + UUID.randomUUID(), "Last-Event-ID", id)); // someone else's
        assertGone(stream(trader, "Last-Event-ID", "not-an-id"));
        try (SseClient ok = stream(trader, "Last-Event-ID", id)) {
            assertEquals(200, ok.status());
        }

        // A day later the retention has deleted it (and everything before it).
        FeedPosition position = FeedPosition.parse(id).orElseThrow();
        TestDatabase.update("update owner_feed set created_at = created_at - interval '2 days' where txid <= '"
                + position.txid() + "'::xid8");
        assertTrue(retention.pruneExpired().await().atMost(Duration.ofSeconds(30)) >= 1);
        assertGone(stream(trader, "Last-Event-ID", id));
    }

    @Test
    void anOwnerMayHoldFiveStreamsAndTheSixthIsRefusedUntilOneCloses() {
        String trader = "trader-" + UUID.randomUUID();
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(stream(trader));
                assertEquals(200, open.getLast().status());
            }
            SseClient refused = stream(trader);
            assertEquals(429, refused.status());
            assertNotNull(refused.header("Retry-After"));
            assertTrue(refused.body().contains("too-many-streams"));

            open.removeFirst().close();
            Awaitility.await().atMost(SseClient.DEADLINE).until(() -> {
                SseClient again = stream(trader);
                if (again.status() == 200) {
                    open.add(again);
                    return true;
                }
                return false;
            });
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void streamsNeedACallerAndTheMakerStreamTheMerchantRole() {
        SseClient anonymous = open("/api/v1/stream", null);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.body().contains("unauthenticated"));
        assertEquals(401, open("/api/v1/maker/stream", null).status());
        assertEquals(403, open("/api/v1/maker/stream", bearer("trader-" + UUID.randomUUID())).status());
    }

    @Test
    void aMakerClientSeesItsAdGoLiveAndItsFill() {
        String maker = "maker-" + UUID.randomUUID();
        try (SseClient s = open("/api/v1/maker/stream", Keycloak.makerClient(maker).bearer())) {
            assertEquals(200, s.status());
            String ad = Rest.asMerchant(maker).body("""
                    {"items":[{"clientAdId":"sell-1","side":"SELL","fiat":"CNY","price":"7.20","quantity":"1000",
                     "minOrder":"100","maxOrder":"5000","paymentMethods":["ALIPAY"]}]}""")
                    .when().put("/api/v1/maker/ads").then().statusCode(200).extract().path("items[0].ad.id");
            expect(s, "ad.status", ad, "PENDING_FUNDING");
            Publish.adFundsReserved(ad, maker, 1000_000_000L);
            expect(s, "ad.status", ad, "ACTIVE");

            Trade trade = Trade.of(MARKET, UUID.randomUUID().toString(), "taker-" + UUID.randomUUID(), "BUY", ad,
                    maker, 720, 10_000_000L);
            Publish.tradeMatched(trade);
            expect(s, "trade.status", trade.tradeId(), "OPENED");
            Event fill = s.next();
            assertEquals("fill", fill.type());
            assertTrue(fill.data().contains("\"tradeId\":\"" + trade.tradeId() + "\""), fill.data());
            assertTrue(fill.data().contains("\"adId\":\"" + ad + "\""), fill.data());
            assertTrue(fill.data().contains("\"quantity\":10"), fill.data());
        }
        Rest.asMerchant(maker).when().get("/api/v1/maker/fills").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void aStreamEndsWhenItsTokenExpiresAndFreesItsSlot() {
        String trader = "trader-" + UUID.randomUUID();
        List<StreamItem> items = streams.open(trader, FeedType.TRADER, null, Instant.now().plusSeconds(2))
                .collect().asList().await().atMost(SseClient.DEADLINE);
        assertInstanceOf(StreamItem.End.class, items.getLast());
        assertEquals("token-expired", ((StreamItem.End) items.getLast()).reason());
        assertEquals(0, slots.openFor(trader));
    }

    @Test
    void bothStreamsAreDocumentedWithTheirProblems() {
        JsonPath api = RestAssured.given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        for (String path : List.of("/api/v1/stream", "/api/v1/maker/stream")) {
            Map<String, Object> get = api.getMap("paths.'" + path + "'.get");
            assertTrue(List.of("streamMyEvents", "streamMakerEvents").contains(get.get("operationId")), path);
            String responses = String.valueOf(get.get("responses"));
            for (String status : List.of("200", "401", "410", "429")) {
                assertTrue(responses.contains(status + "="), path + " documents " + status);
            }
            assertTrue(responses.contains("text/event-stream"), path);
            assertTrue(String.valueOf(get.get("description")).contains("trade.status"), path);
            assertNotNull(get.get("security"), path);
        }
    }

    /** The next event is of {@code type}, about {@code subject}, with {@code status}; returns it. */
    private static Event expect(SseClient stream, String type, String subject, String status) {
        Event event = stream.next();
        String what = type + " " + subject + " " + status + ", got " + event;
        assertEquals(type, event.type(), what);
        assertTrue(event.data().contains("\"" + subject + "\""), what);
        assertTrue(event.data().contains("\"status\":\"" + status + "\""), what);
        assertTrue(FeedPosition.parse(event.id()).isPresent(), what);
        return event;
    }

    private static void assertGone(SseClient refused) {
        assertEquals(410, refused.status());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
        assertTrue(refused.body().contains("stream-resume-expired"));
    }

    private static String place(String trader) {
        return Rest.placeOrder(trader, BUY).then().statusCode(201).extract().path("id");
    }

    private static String bearer(String user) {
        return Keycloak.person(user).bearer();
    }

    private static SseClient stream(String user, String... headers) {
        return open("/api/v1/stream", bearer(user), headers);
    }

    private static SseClient open(String path, String authorization, String... headers) {
        return SseClient.open(path, authorization, headers);
    }
}
