package com.c2c.order.ad;

import com.c2c.testkit.As;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.order.Rest;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.ListWalk;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** REST call → row in c2c_order → CloudEvent on c2c.order.events.v1, against the real PostgreSQL and Kafka. */
@QuarkusTest
class AdWiringTest {
    private static final String AD = """
            {"side":"SELL","asset":"USDT","fiat":"CNY","price":"7.20","quantity":"1000.5",
             "minOrder":"100","maxOrder":"5000","paymentMethods":["ALIPAY","BANK_TRANSFER"],
             "terms":"Alipay only","minCompletedTrades":3}""";

    @Test
    void postedAdIsStoredAndItsEventPublished() {
        String owner = "merchant-" + UUID.randomUUID();
        try (TopicProbe events = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String id = Rest.postAd(owner, AD)
                    .then().statusCode(201)
                    .body("status", equalTo("PENDING_FUNDING"))
                    .body("price", equalTo(7.20f))
                    .body("priceType", equalTo("FIXED"))
                    .body("remaining", equalTo(1000.5f))
                    .body("terms", equalTo("Alipay only"))
                    .body("minCompletedTrades", equalTo(3))
                    .body("paymentWindowMinutes", equalTo(15))
                    .extract().path("id");

            assertEquals(1000_500000L, TestDatabase.queryLong("select quantity_micros from ad where id = '" + id + "'"));
            assertEquals(720L, TestDatabase.queryLong("select price_minor from ad where id = '" + id + "'"));

            ConsumedEvent event = events.await(e -> id.equals(e.cloudEvent().get("subject")), Duration.ofSeconds(20));
            assertEquals(EventTypes.AD_POSTED, event.type());
            assertEquals("USDT-CNY", event.key());
            assertEquals("/c2c/order-service", event.cloudEvent().get("source"));
            assertTrue(event.data().contains("\"quantityMicros\":1000500000"), event.data());
            assertTrue(event.data().contains("\"priceMinor\":720"), event.data());
        }
    }

    @Test
    void anAdIsPostedOncePerIdempotencyKey() {
        String owner = "merchant-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        try (TopicProbe events = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String id = post(owner, key, AD).then().statusCode(201).extract().path("id");
            post(owner, key, AD).then().statusCode(200).body("id", equalTo(id));
            post(owner, key, AD.replace("\"7.20\"", "\"7.30\"")).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://c2c.dev/problems/idempotency-key-reused"));
            As.user(owner).contentType(ContentType.JSON).body(AD)
                    .when().post("/api/v1/ads")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("Idempotency-Key"));
            // The same key of another owner is another request.
            String other = post("other-" + owner, key, AD).then().statusCode(201).extract().path("id");
            assertTrue(!other.equals(id));

            events.await(e -> id.equals(e.cloudEvent().get("subject")), Duration.ofSeconds(20));
            assertEquals(1, events.seen().stream().filter(e -> id.equals(e.cloudEvent().get("subject"))).count());
            assertEquals(1L, TestDatabase.queryLong("select count(*) from ad where owner_id = '" + owner + "'"));
        }
    }

    @Test
    void concurrentRetriesOfOneKeyCreateOneAd() {
        String owner = "merchant-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        var pool = Executors.newFixedThreadPool(4);
        try {
            var answers = IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(owner, key, AD), pool))
                    .map(CompletableFuture::join).toList();
            answers.forEach(a -> assertTrue(a.statusCode() == 201 || a.statusCode() == 200, a.asString()));
            assertEquals(1, answers.stream().map(a -> a.path("id")).distinct().count());
            assertEquals(1, answers.stream().filter(a -> a.statusCode() == 201).count());
        } finally {
            pool.shutdown();
        }
        assertEquals(1L, TestDatabase.queryLong("select count(*) from ad where owner_id = '" + owner + "'"));
    }

    @Test
    void onlyTheOwnerSeesTheAd() {
        String owner = "merchant-" + UUID.randomUUID();
        String id = Rest.postAd(owner, AD).then().statusCode(201).extract().path("id");
        Rest.adOf(owner, id).then().statusCode(200).body("id", equalTo(id));
        Rest.adOf("someone-else", id).then().statusCode(404);
        Rest.as(owner).when().get("/api/v1/ads").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void badAmountIsRefusedWithProblemNamingTheFieldAndStoresNothing() {
        long before = TestDatabase.queryLong("select count(*) from ad");
        String owner = "merchant-1";
        Rest.postAd(owner, AD.replace("\"7.20\"", "\"7.205\""))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("price"));
        Rest.postAd(owner, AD.replace("\"side\":\"SELL\",", ""))
                .then().statusCode(400).body("errors.field", hasItem("side"));
        Rest.postAd(owner, AD.replace("\"CNY\"", "\"XYZ\""))
                .then().statusCode(400).body("errors.field", hasItem("fiat"));
        Rest.postAd(owner, AD.replace("\"terms\":\"Alipay only\"", "\"terms\":\"" + "x".repeat(1001) + "\""))
                .then().statusCode(400).body("errors.field", hasItem("terms"));
        Rest.postAd(owner, AD.replace("\"minCompletedTrades\":3", "\"minCompletedTrades\":-1"))
                .then().statusCode(400).body("errors.field", hasItem("minCompletedTrades"));
        Rest.postAd(owner, AD.replace("\"price\":\"7.20\",", ""))
                .then().statusCode(400).body("errors.field", hasItem("price"));
        Rest.postAd(owner, AD.replace("\"price\":\"7.20\",", "\"priceType\":\"FLOATING\",\"marginPercent\":\"20.01\","))
                .then().statusCode(400).body("errors.field", hasItem("marginPercent"));
        Rest.postAd(owner, AD.replace("\"price\":\"7.20\",", "\"priceType\":\"FLOATING\",\"marginPercent\":\"1.555\","))
                .then().statusCode(400).body("errors.field", hasItem("marginPercent"));
        Rest.postAd(owner, AD.replace("\"price\":\"7.20\",", "\"price\":\"7.20\",\"marginPercent\":\"1\","))
                .then().statusCode(400).body("errors.field", hasItem("marginPercent"));
        assertEquals(before, TestDatabase.queryLong("select count(*) from ad"));
    }

    @Test
    void callerWithoutIdentityIsRefused() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k1").body(AD)
                .when().post("/api/v1/ads")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void readinessIsUpWithDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
    }

    private static io.restassured.response.Response post(String owner, String key, String body) {
        return Rest.as(owner).header("Idempotency-Key", key).body(body).when().post("/api/v1/ads");
    }

    @Test
    void myAdsPageNewestFirstByCursorAndAdsPostedMeanwhileShiftNothing() {
        String owner = "pager-" + UUID.randomUUID();
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(buyAd(owner));
        }
        List<String> later = new ArrayList<>();

        // Ads posted while the owner pages are newer than the cursor: they are above it, so the walk sees the
        // five it started with, newest first, each once, and ends.
        var seen = ListWalk.walk(() -> Rest.as(owner), "/api/v1/ads", 2, page -> later.add(buyAd(owner)));
        assertEquals(posted.reversed(), ListWalk.field(seen, "id"));
        assertEquals(2, later.size(), "one ad posted after each of the first two pages");

        List<String> all = new ArrayList<>(later.reversed());
        all.addAll(posted.reversed());
        var again = ListWalk.walk(() -> Rest.as(owner), "/api/v1/ads", 4, page -> { });
        assertEquals(all, ListWalk.field(again, "id"));
        List<java.time.Instant> times = ListWalk.field(again, "createdAt").stream().map(java.time.Instant::parse).toList();
        assertEquals(times.stream().sorted(java.util.Comparator.reverseOrder()).toList(), times, "newest first");
        ListWalk.refusesBadPaging(() -> Rest.as(owner), "/api/v1/ads");
    }

    private static String buyAd(String owner) {
        return Rest.ad(owner, "BUY", "CNY", "7.10", "100", "10", "500", "\"ALIPAY\"");
    }
}
