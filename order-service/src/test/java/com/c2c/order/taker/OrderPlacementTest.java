package com.c2c.order.taker;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Placing a taker order: stored and sent to the book once per Idempotency-Key; bad input changes nothing. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_order"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "mp.messaging.incoming.matching-events.topic"))
class OrderPlacementTest {
    @ConfigProperty(name = "mp.messaging.incoming.matching-events.topic")
    String matchingEvents;

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
            assertEquals(1, events.seen().stream().filter(e -> id.equals(e.cloudEvent().get("subject"))).count());

            given().header("X-User-Id", buyer).when().get("/api/v1/orders/" + id).then().statusCode(200);
            given().header("X-User-Id", "someone-else").when().get("/api/v1/orders/" + id).then().statusCode(404);
            given().header("X-User-Id", buyer).when().get("/api/v1/orders").then().statusCode(200)
                    .body("id", hasItem(id));
        }
    }

    @Test
    void statusFollowsTheBooksAnswers() {
        String buyer = "dave-" + UUID.randomUUID();
        String matched = place(buyer, UUID.randomUUID().toString(), ORDER).then().statusCode(201).extract().path("id");
        String rejected = place(buyer, UUID.randomUUID().toString(), ORDER).then().statusCode(201).extract().path("id");
        try (TestEvents events = new TestEvents()) {
            events.publish(matchingEvents, "USDT-CNY", UUID.randomUUID().toString(), EventTypes.TRADE_MATCHED, """
                    {"tradeId":"%s","market":"USDT-CNY","sequence":1,"takerOrderId":"%s","takerId":"%s",
                     "makerOrderId":"%s","makerId":"m1","buyerId":"%s","sellerId":"m1","priceMinor":720,
                     "quantityMicros":100000000,"fiatAmountMinor":72000}""".formatted(UUID.randomUUID(), matched,
                    buyer, UUID.randomUUID(), buyer));
            events.publish(matchingEvents, "USDT-CNY", UUID.randomUUID().toString(), EventTypes.ORDER_REJECTED, """
                    {"orderId":"%s","market":"USDT-CNY","reason":"NO_ELIGIBLE_AD","message":"no ad can take it"}"""
                    .formatted(rejected));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-User-Id", buyer)
                .when().get("/api/v1/orders/" + matched).then().body("status", equalTo("MATCHED")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-User-Id", buyer)
                .when().get("/api/v1/orders/" + rejected).then().body("status", equalTo("REJECTED"))
                .body("rejectReason", equalTo("NO_ELIGIBLE_AD: no ad can take it")));
    }

    @Test
    void missingKeyAndUnsupportedSideAreRefusedAndStoreNothing() {
        String buyer = "carol-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).header("X-User-Id", buyer).body(ORDER)
                .when().post("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
        place(buyer, UUID.randomUUID().toString(), ORDER.replace("\"BUY\"", "\"SELL\""))
                .then().statusCode(400).body("errors.field", hasItem("side"));
        place(buyer, UUID.randomUUID().toString(), ORDER.replace("720.00", "720.001"))
                .then().statusCode(400).body("errors.field", hasItem("amount"));
        assertEquals(0L, TestDatabase.queryLong("select count(*) from taker_order where owner_id = '" + buyer + "'"));
    }

    private static Response place(String owner, String key, String body) {
        return given().contentType(ContentType.JSON).header("X-User-Id", owner).header("Idempotency-Key", key)
                .body(body).when().post("/api/v1/orders");
    }
}
