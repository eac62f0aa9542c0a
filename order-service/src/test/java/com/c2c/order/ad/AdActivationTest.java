package com.c2c.order.ad;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A SELL ad enters the book (AdListed) only after the wallet reserved its USDT; a BUY ad at once. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_order"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "mp.messaging.incoming.wallet-events.topic"))
class AdActivationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @ConfigProperty(name = "mp.messaging.incoming.wallet-events.topic")
    String walletEvents;

    @Test
    void sellAdIsListedOnlyOnceItsFundsAreReserved() {
        try (TestEvents events = new TestEvents(); TopicProbe orders = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String funded = post("SELL");
            String unfunded = post("SELL");
            status(funded, "PENDING_FUNDING");

            String reserved = """
                    {"adId":"%s","ownerId":"m1","asset":"USDT","quantityMicros":1000000000}""".formatted(funded);
            String eventId = UUID.randomUUID().toString();
            events.publish(walletEvents, "m1", eventId, EventTypes.AD_FUNDS_RESERVED, reserved);
            events.publish(walletEvents, "m1", eventId, EventTypes.AD_FUNDS_RESERVED, reserved); // redelivered
            events.publish(walletEvents, "m1", UUID.randomUUID().toString(), EventTypes.AD_FUNDS_REJECTED, """
                    {"adId":"%s","ownerId":"m1","reason":"INSUFFICIENT_FUNDS","message":"not enough"}"""
                    .formatted(unfunded));

            ConsumedEvent listed = orders.await(e -> EventTypes.AD_LISTED.equals(e.type())
                    && funded.equals(e.cloudEvent().get("subject")), DEADLINE);
            assertEquals("USDT-CNY", listed.key());
            assertTrue(listed.data().contains("\"paymentMethods\":[\"ALIPAY\"]"), listed.data());
            await().atMost(DEADLINE).untilAsserted(() -> status(funded, "ACTIVE"));
            await().atMost(DEADLINE).untilAsserted(() -> status(unfunded, "REJECTED"));
            assertEquals(1, orders.seen().stream().filter(e -> EventTypes.AD_LISTED.equals(e.type())
                    && (funded.equals(e.cloudEvent().get("subject")) || unfunded.equals(e.cloudEvent().get("subject"))))
                    .count());

            String buy = post("BUY");
            status(buy, "ACTIVE");
            orders.await(e -> EventTypes.AD_LISTED.equals(e.type()) && buy.equals(e.cloudEvent().get("subject")), DEADLINE);
        }
    }

    private static String post(String side) {
        return given().contentType(ContentType.JSON).header("X-User-Id", "m1")
                .body("""
                        {"side":"%s","asset":"USDT","fiat":"CNY","price":"7.20","quantity":"1000",
                         "minOrder":"100","maxOrder":"5000","paymentMethods":["ALIPAY"]}""".formatted(side))
                .when().post("/api/v1/ads").then().statusCode(201).extract().path("id");
    }

    private static void status(String ad, String expected) {
        given().when().get("/api/v1/ads/" + ad).then().statusCode(200).body("status", equalTo(expected));
    }
}
