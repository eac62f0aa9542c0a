package com.c2c.escrow.ad;

import com.c2c.testkit.As;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The buyer's payment deadline follows the ad's payment window, as posted and then amended. */
@QuarkusTest
class PaymentWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "c2c.in.order-events")
    String orderEvents;
    @ConfigProperty(name = "c2c.in.trade-funds")
    String tradeFunds;

    @Test
    void theDeadlineIsTheAdsWindowAsPostedThenAsAmended() {
        UUID ad = UUID.randomUUID();
        try (TestEvents events = new TestEvents()) {
            events.publish(orderEvents, "USDT-CNY", UUID.randomUUID().toString(), EventTypes.AD_POSTED, """
                    {"adId":"%s","ownerId":"merchant-w","market":"USDT-CNY","side":"SELL","priceMinor":720,
                     "quantityMicros":500000000,"minOrderMinor":1000,"maxOrderMinor":300000,
                     "paymentMethods":["BANK_TRANSFER"],"paymentWindowMinutes":20}""".formatted(ad));
            awaitWindow(ad, 20);
            assertDeadlineAfter(events, ad, Duration.ofMinutes(20));

            events.publish(orderEvents, "USDT-CNY", UUID.randomUUID().toString(), EventTypes.AD_AMENDED, """
                    {"adId":"%s","market":"USDT-CNY","priceMinor":730,"quantityMicros":-1,"paymentWindowMinutes":45}"""
                    .formatted(ad));
            awaitWindow(ad, 45);
            assertDeadlineAfter(events, ad, Duration.ofMinutes(45));

            // Events escrow does not need are taken off the topic without a trace.
            events.publish(orderEvents, "USDT-CNY", UUID.randomUUID().toString(), EventTypes.AD_WITHDRAWN, """
                    {"adId":"%s","market":"USDT-CNY"}""".formatted(ad));
            events.publish(orderEvents, "USDT-CNY", UUID.randomUUID().toString(), EventTypes.AD_AMENDED, """
                    {"adId":"%s","market":"USDT-CNY","priceMinor":730,"quantityMicros":-1,"paymentWindowMinutes":0}"""
                    .formatted(ad));
            await().atMost(WAIT).until(() -> TestDatabase.queryLong(
                    "select count(*) from inbox_event where consumer = 'escrow.order-events'") == 3);
            assertEquals(0, TestDatabase.queryLong("select count(*) from inbox_event where consumer = "
                    + "'escrow.order-events' and event_type = '" + EventTypes.AD_WITHDRAWN + "'"));
            assertEquals(45, TestDatabase.queryLong(
                    "select payment_window_minutes from ad_payment_window where ad_id = '" + ad + "'"),
                    "a window of 0 leaves the ad's window as it was");
        }
    }

    private static void awaitWindow(UUID ad, int minutes) {
        await().atMost(WAIT).until(() -> String.valueOf(minutes).equals(TestDatabase.queryString(
                "select payment_window_minutes from ad_payment_window where ad_id = '" + ad + "'")));
    }

    private void assertDeadlineAfter(TestEvents events, UUID ad, Duration window) {
        UUID trade = UUID.randomUUID();
        String buyer = "buyer-" + trade.toString().substring(0, 8);
        // The wallet locked the trade the book matched on the ad (ADR 0028): escrow opens it, LOCKED, from that.
        Instant lockedAt = Instant.now();
        events.publish(tradeFunds, "merchant-w", UUID.randomUUID().toString(), EventTypes.FUNDS_LOCKED, """
                {"tradeId":"%s","sellerId":"merchant-w","buyerId":"%s","quantityMicros":10000000,
                 "terms":{"market":"USDT-CNY","takerOrderId":"%s","makerOrderId":"%s","priceMinor":720,
                          "fiatAmountMinor":7200}}""".formatted(trade, buyer, UUID.randomUUID(), ad));
        await().atMost(WAIT).until(() -> "LOCKED".equals(TestDatabase.queryString(
                "select status from trade where id = '" + trade + "'")));
        Instant deadline = Instant.parse(As.user(buyer).when().get("/api/v1/trades/" + trade)
                .then().statusCode(200).extract().path("deadline"));
        Duration off = Duration.between(lockedAt.plus(window), deadline).abs();
        assertTrue(off.compareTo(Duration.ofSeconds(10)) < 0, "deadline " + deadline + " is not " + window
                + " after the lock at " + lockedAt);
    }
}
