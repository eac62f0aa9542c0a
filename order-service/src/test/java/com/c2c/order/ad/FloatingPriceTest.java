package com.c2c.order.ad;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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

/** FLOATING ads follow their fiat's reference price; owners change their ads' terms (PATCH). */
@QuarkusTest
class FloatingPriceTest {
    private static final Duration DEADLINE = Publish.DEADLINE;

    @Test
    void floatingAdsFollowTheReferencePrice() {
        String owner = "maker-" + UUID.randomUUID();
        Rest.as("trader-1").body("{\"price\":\"10.00\"}").when().put("/api/v1/admin/reference-prices/CHF")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body("{\"price\":\"10.00\"}").when()
                .put("/api/v1/admin/reference-prices/CHF").then().statusCode(401);
        Rest.asAdmin().body("{\"price\":\"10.001\"}").when().put("/api/v1/admin/reference-prices/CHF")
                .then().statusCode(400).body("errors.field", hasItem("price"));
        Rest.asAdmin().body("{\"price\":\"10.00\"}").when().put("/api/v1/admin/reference-prices/XYZ")
                .then().statusCode(400).body("errors.field", hasItem("fiat"));

        Rest.postAd(owner, floating("NOK", "1.00")).then().statusCode(409)
                .body("type", equalTo("https://c2c.dev/problems/no-reference-price"));

        Rest.asAdmin().body("{\"price\":\"10.00\"}").when().put("/api/v1/admin/reference-prices/CHF")
                .then().statusCode(200).body("fiat", equalTo("CHF")).body("price", equalTo(10.00f));
        given().when().get("/api/v1/reference-prices").then().statusCode(200).body("fiat", hasItem("CHF"));

        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS)) {
            // 10.00 × 1.0125 = 10.125 → 10.13 (half up); 10.00 × 0.9925 = 9.925 → 9.93
            String listed = Rest.postAd(owner, floating("CHF", "1.25")).then().statusCode(201)
                    .body("price", equalTo(10.13f)).body("priceType", equalTo("FLOATING"))
                    .body("marginPercent", equalTo(1.25f)).extract().path("id");
            String paused = Rest.postAd(owner, floating("CHF", "-0.75")).then().statusCode(201)
                    .body("price", equalTo(9.93f)).extract().path("id");
            String fixed = Rest.ad(owner, "BUY", "CHF", "9.00", "100", "10", "500", "\"WISE\"");
            assertTrue(book.await(AdLifecycleTest.of(EventTypes.AD_LISTED, listed), DEADLINE).data()
                    .contains("\"priceMinor\":1013"));
            Rest.adAction(owner, paused, "pause").then().statusCode(200);

            Rest.asAdmin().body("{\"price\":\"10.40\"}").when().put("/api/v1/admin/reference-prices/CHF")
                    .then().statusCode(200).body("repricedAds", equalTo(2));
            // 10.40 × 1.0125 = 10.53; 10.40 × 0.9925 = 10.322 → 10.32
            ConsumedEvent amended = book.await(AdLifecycleTest.of(EventTypes.AD_AMENDED, listed), DEADLINE);
            assertTrue(amended.data().contains("\"priceMinor\":1053"), amended.data());
            assertTrue(amended.data().contains("\"quantityMicros\":-1"), amended.data());
            assertTrue(amended.data().contains("\"paymentWindowMinutes\":15"), amended.data());
            assertEquals("USDT-CHF", amended.key());
            Rest.adOf(owner, paused).then().body("price", equalTo(10.32f));
            Rest.adOf(owner, fixed).then().body("price", equalTo(9.00f));
            assertEquals(0, book.seen().stream().filter(e -> EventTypes.AD_AMENDED.equals(e.type())
                    && (paused.equals(e.cloudEvent().get("subject")) || fixed.equals(e.cloudEvent().get("subject"))))
                    .count(), "only listed ads are amended on the book");
        }
    }

    @Test
    void anOwnerChangesPriceAndWindowWhileActiveAndLimitsOnlyWhilePaused() {
        String owner = "maker-" + UUID.randomUUID();
        Rest.asAdmin().body("{\"price\":\"5.00\"}").when().put("/api/v1/admin/reference-prices/PLN")
                .then().statusCode(200);
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String ad = Rest.ad(owner, "BUY", "PLN", "4.00", "100", "10", "400", "\"BANK_TRANSFER\"");
            book.await(AdLifecycleTest.of(EventTypes.AD_LISTED, ad), DEADLINE);

            patch(owner, ad, "{\"price\":\"4.10\",\"terms\":\"be quick\"}").then().statusCode(200)
                    .body("price", equalTo(4.10f)).body("terms", equalTo("be quick"));
            ConsumedEvent amended = book.await(AdLifecycleTest.of(EventTypes.AD_AMENDED, ad), DEADLINE);
            assertTrue(amended.data().contains("\"priceMinor\":410"), amended.data());
            assertTrue(amended.data().contains("\"quantityMicros\":-1"), amended.data());

            patch(owner, ad, "{\"priceType\":\"FLOATING\",\"marginPercent\":\"-1.00\",\"paymentWindowMinutes\":30}")
                    .then().statusCode(200).body("price", equalTo(4.95f)).body("paymentWindowMinutes", equalTo(30));
            ConsumedEvent second = book.awaitCount(AdLifecycleTest.of(EventTypes.AD_AMENDED, ad), 2, DEADLINE).get(1);
            assertTrue(second.data().contains("\"priceMinor\":495"), second.data());
            assertTrue(second.data().contains("\"paymentWindowMinutes\":30"), second.data());

            patch(owner, ad, "{\"minOrder\":\"20\"}").then().statusCode(409)
                    .body("detail", org.hamcrest.Matchers.containsString("pause the ad first"));
            patch(owner, ad, "{\"quantity\":\"50\"}").then().statusCode(400).body("errors.field", hasItem("quantity"));
            patch(owner, ad, "{\"price\":\"4.20\"}").then().statusCode(400).body("errors.field", hasItem("price"));
            patch(owner, ad, "{\"priceType\":\"FIXED\"}").then().statusCode(400).body("errors.field", hasItem("price"));
            patch("someone-else", ad, "{\"terms\":\"x\"}").then().statusCode(404);

            Rest.adAction(owner, ad, "pause").then().statusCode(200);
            patch(owner, ad, "{\"minOrder\":\"20\",\"maxOrder\":\"300\",\"paymentMethods\":[\"WISE\",\"SEPA\"],"
                    + "\"minCompletedTrades\":5,\"paymentWindowMinutes\":45}").then().statusCode(200)
                    .body("minOrder", equalTo(20.00f)).body("maxOrder", equalTo(300.00f))
                    .body("paymentMethods", equalTo(java.util.List.of("SEPA", "WISE")))
                    .body("minCompletedTrades", equalTo(5));
            patch(owner, ad, "{\"minOrder\":\"301\"}").then().statusCode(400).body("errors.field", hasItem("maxOrder"));
            assertEquals(2, book.seen().stream().filter(AdLifecycleTest.of(EventTypes.AD_AMENDED, ad)).count(),
                    "a paused ad's changes wait for its listing");

            Rest.adAction(owner, ad, "resume").then().statusCode(200);
            Publish.bookQuantityCancelled(ad, "USDT-PLN", owner, 100_000_000L);
            ConsumedEvent relisted = book.awaitCount(AdLifecycleTest.of(EventTypes.AD_LISTED, ad), 2, DEADLINE).get(1);
            assertTrue(relisted.data().contains("\"minOrderMinor\":2000"), relisted.data());
            assertTrue(relisted.data().contains("\"paymentMethods\":[\"SEPA\",\"WISE\"]"), relisted.data());
            assertTrue(relisted.data().contains("\"minCompletedTrades\":5"), relisted.data());
            // The window changed while off the book reaches escrow right after the listing.
            ConsumedEvent window = book.awaitCount(AdLifecycleTest.of(EventTypes.AD_AMENDED, ad), 3, DEADLINE).get(2);
            assertTrue(window.data().contains("\"paymentWindowMinutes\":45"), window.data());
        }
    }

    private static io.restassured.response.Response patch(String owner, String ad, String body) {
        return Rest.as(owner).body(body).when().patch("/api/v1/ads/" + ad);
    }

    private static String floating(String fiat, String margin) {
        return """
                {"side":"BUY","asset":"USDT","fiat":"%s","priceType":"FLOATING","marginPercent":"%s","quantity":"100",
                 "minOrder":"10","maxOrder":"500","paymentMethods":["WISE"]}""".formatted(fiat, margin);
    }
}
