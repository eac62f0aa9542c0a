package com.c2c.order.ad;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.order.Publish;
import com.c2c.order.Rest;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A SELL ad enters the book (AdListed) only after the wallet reserved its USDT; a BUY ad at once. */
@QuarkusTest
class AdActivationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void sellAdIsListedOnlyOnceItsFundsAreReserved() {
        String owner = "m1-" + UUID.randomUUID();
        try (TopicProbe orders = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String funded = post(owner, "SELL");
            String unfunded = post(owner, "SELL");
            status(owner, funded, "PENDING_FUNDING");

            String reserved = """
                    {"adId":"%s","ownerId":"%s","asset":"USDT","quantityMicros":1000000000}""".formatted(funded, owner);
            String eventId = UUID.randomUUID().toString();
            Publish.event("wallet-events", owner, eventId, EventTypes.AD_FUNDS_RESERVED, reserved);
            Publish.event("wallet-events", owner, eventId, EventTypes.AD_FUNDS_RESERVED, reserved); // redelivered
            Publish.event("wallet-events", owner, EventTypes.AD_FUNDS_REJECTED, """
                    {"adId":"%s","ownerId":"%s","reason":"INSUFFICIENT_FUNDS","message":"not enough"}"""
                    .formatted(unfunded, owner));

            ConsumedEvent listed = orders.await(e -> EventTypes.AD_LISTED.equals(e.type())
                    && funded.equals(e.cloudEvent().get("subject")), DEADLINE);
            assertEquals("USDT-CNY", listed.key());
            assertTrue(listed.data().contains("\"paymentMethods\":[\"ALIPAY\"]"), listed.data());
            assertTrue(listed.data().contains("\"quantityMicros\":1000000000"), listed.data());
            assertTrue(listed.data().contains("\"minCompletedTrades\":2"), listed.data());
            await().atMost(DEADLINE).untilAsserted(() -> status(owner, funded, "ACTIVE"));
            await().atMost(DEADLINE).untilAsserted(() -> status(owner, unfunded, "REJECTED"));
            assertEquals(1, orders.seen().stream().filter(e -> EventTypes.AD_LISTED.equals(e.type())
                    && (funded.equals(e.cloudEvent().get("subject")) || unfunded.equals(e.cloudEvent().get("subject"))))
                    .count());

            String buy = post(owner, "BUY");
            status(owner, buy, "ACTIVE");
            orders.await(e -> EventTypes.AD_LISTED.equals(e.type()) && buy.equals(e.cloudEvent().get("subject")), DEADLINE);
        }
    }

    private static String post(String owner, String side) {
        return Rest.postAd(owner, """
                {"side":"%s","asset":"USDT","fiat":"CNY","price":"7.20","quantity":"1000",
                 "minOrder":"100","maxOrder":"5000","paymentMethods":["ALIPAY"],"minCompletedTrades":2}"""
                .formatted(side)).then().statusCode(201).extract().path("id");
    }

    private static void status(String owner, String ad, String expected) {
        Rest.adOf(owner, ad).then().statusCode(200).body("status", equalTo(expected));
    }
}
