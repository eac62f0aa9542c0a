package com.c2c.order.taker;

import com.c2c.testkit.As;
import com.c2c.order.Rest;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.order.Publish;
import com.c2c.order.Publish.Trade;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.ListWalk;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Placing a taker order: stored and sent to the book once per Idempotency-Key; bad input changes nothing. */
@QuarkusTest
class OrderPlacementTest {
    /** Express orders without a priceLimit are limited around the fiat's reference price: CNY has one. */
    @BeforeEach
    void cnyHasAReferencePrice() {
        Rest.referencePrice("CNY", "7.20");
    }

    private static final String ORDER = """
            {"side":"BUY","asset":"USDT","fiat":"CNY","mode":"EXPRESS_FIAT","amount":"720.00","paymentMethod":"ALIPAY"}""";

    @Test
    void orderIsPlacedOncePerIdempotencyKey() {
        String buyer = "bob-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        try (TopicProbe events = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String id = place(buyer, key, ORDER).then().statusCode(201)
                    .body("status", equalTo("PLACED")).body("amount", equalTo(720.00f))
                    .extract().path("id");
            place(buyer, key, ORDER).then().statusCode(200).body("id", equalTo(id));
            place(buyer, key, ORDER.replace("720.00", "721.00")).then().statusCode(409)
                    .contentType("application/problem+json");

            ConsumedEvent placed = events.await(e -> id.equals(e.cloudEvent().get("subject")), Duration.ofSeconds(20));
            assertEquals(EventTypes.ORDER_PLACED, placed.type());
            assertEquals("USDT-CNY", placed.key());
            assertTrue(placed.data().contains("\"mode\":\"EXPRESS_FIAT\""), placed.data());
            assertTrue(placed.data().contains("\"amount\":72000"), placed.data());
            assertTrue(placed.data().contains("\"completedTrades\":0"), placed.data());
            assertTrue(placed.data().contains("\"adId\":null"), placed.data());
            assertEquals(1, events.seen().stream().filter(e -> id.equals(e.cloudEvent().get("subject"))).count());

            As.user(buyer).when().get("/api/v1/orders/" + id).then().statusCode(200);
            As.user("someone-else").when().get("/api/v1/orders/" + id).then().statusCode(404);
            As.user(buyer).when().get("/api/v1/orders").then().statusCode(200)
                    .body("items.id", hasItem(id));
        }
    }

    @Test
    void statusFollowsTheBooksAnswers() {
        String buyer = "dave-" + UUID.randomUUID();
        String matched = place(buyer, UUID.randomUUID().toString(), ORDER).then().statusCode(201).extract().path("id");
        String rejected = place(buyer, UUID.randomUUID().toString(), ORDER).then().statusCode(201).extract().path("id");
        Publish.tradeMatched(Trade.of("USDT-CNY", matched, buyer, "BUY", UUID.randomUUID().toString(), "m1", 720,
                100_000_000L));
        Publish.orderRejected(rejected, "USDT-CNY", "NO_ELIGIBLE_AD", "no ad can take it");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> As.user(buyer)
                .when().get("/api/v1/orders/" + matched).then().body("status", equalTo("MATCHED"))
                .body("tradeStatus", equalTo("OPENED")).body("price", equalTo(7.20f))
                .body("quantity", equalTo(100f)).body("fiatAmount", equalTo(720.00f)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> As.user(buyer)
                .when().get("/api/v1/orders/" + rejected).then().body("status", equalTo("REJECTED"))
                .body("rejectReason", equalTo("NO_ELIGIBLE_AD: no ad can take it")));
    }

    @Test
    void myOrdersPageNewestFirstByCursorAndOrdersPlacedMeanwhileShiftNothing() {
        String buyer = "pager-" + UUID.randomUUID();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(place(buyer, UUID.randomUUID().toString(), ORDER).then().statusCode(201).extract().path("id"));
        }
        List<String> newestFirst = placed.reversed();
        List<String> later = new ArrayList<>();

        // An order placed while the buyer pages is newer than the cursor: it is at the top of the list, not
        // pushed into the next page as an offset would have it, and nothing is seen twice or skipped.
        var seen = ListWalk.walk(() -> As.user(buyer), "/api/v1/orders", 2, page -> later.add(
                place(buyer, UUID.randomUUID().toString(), ORDER).then().statusCode(201).extract().path("id")));
        assertEquals(newestFirst, ListWalk.field(seen, "id"));
        assertEquals(2, later.size(), "one order placed after each of the first two pages");

        List<String> all = new ArrayList<>(later.reversed());
        all.addAll(newestFirst);
        assertEquals(all, ListWalk.field(ListWalk.walk(() -> As.user(buyer), "/api/v1/orders", 3, page -> { }), "id"));
        ListWalk.refusesBadPaging(() -> As.user(buyer), "/api/v1/orders");
    }

    @Test
    void missingKeyAndBadFieldsAreRefusedAndStoreNothing() {
        String buyer = "carol-" + UUID.randomUUID();
        As.user(buyer).contentType(ContentType.JSON).body(ORDER)
                .when().post("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
        place(buyer, UUID.randomUUID().toString(), ORDER.replace("\"BUY\"", "\"SELL\""))
                .then().statusCode(400).body("errors.field", hasItem("mode"));
        place(buyer, UUID.randomUUID().toString(), ORDER.replace("720.00", "720.001"))
                .then().statusCode(400).body("errors.field", hasItem("amount"));
        place(buyer, UUID.randomUUID().toString(), ORDER.replace("\"fiat\":\"CNY\",", ""))
                .then().statusCode(400).body("errors.field", hasItem("fiat"));
        assertEquals(0L, TestDatabase.queryLong("select count(*) from taker_order where owner_id = '" + buyer + "'"));
    }

    static Response place(String owner, String key, String body) {
        return As.user(owner).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).when().post("/api/v1/orders");
    }
}
