package com.c2c.order.ad;

import static com.c2c.order.ad.AdLifecycleTest.awaitRemaining;
import static com.c2c.order.ad.AdLifecycleTest.fundedSellAd;
import static com.c2c.order.ad.AdLifecycleTest.of;
import static com.c2c.order.ad.AdLifecycleTest.sellAd;
import static com.c2c.order.ad.AdLifecycleTest.trade;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.order.Publish;
import com.c2c.order.Publish.Trade;
import com.c2c.order.Rest;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Order-service's reconciliation report, exactly, for one owner with ads and a SELL order in each state:
 * what it believes the wallet holds RESERVED is each funded SELL ad's remaining (ACTIVE, PAUSED, CANCELLED
 * until the book confirms the withdrawal) and each SELL order's reservation while it is on its way to the
 * book; never anything locked.
 */
@QuarkusTest
class ReconciliationReportTest {
    private static final String REPORT = "/api/v1/reconciliation/order-service";
    private static final long USDT = 1_000_000L;

    @Test
    void fundedSellAdsRemainingAndPlacedSellOrdersAreReserved() {
        String owner = "recon-maker-" + UUID.randomUUID();
        String merchant = "recon-merchant-" + UUID.randomUUID();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String active = fundedSellAd(owner, book);                 // ACTIVE, 200 of 1000 matched: 800
            Trade t1 = trade(active, owner, 200);
            Publish.awaitApplied("order.matching-events", Publish.tradeMatched(t1));
            awaitRemaining(owner, active, "800");

            sellAd(owner);                                             // PENDING_FUNDING: not reserved yet

            String paused = fundedSellAd(owner, book);                 // PAUSED: keeps its 1000
            Rest.adAction(owner, paused, "pause").then().statusCode(200);
            Publish.awaitApplied("order.matching-events",
                    Publish.bookQuantityCancelled(paused, "USDT-CNY", owner, 1000 * USDT));

            String cancelled = fundedSellAd(owner, book);              // CANCELLED, withdrawal unconfirmed: 1000
            Rest.adAction(owner, cancelled, "cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
            book.await(of(EventTypes.AD_WITHDRAWN, cancelled), Publish.DEADLINE);

            String buyAd = Rest.ad(merchant, "BUY", "BRL", "5.00", "1000", "10", "5000", "\"PIX\"");
            book.await(of(EventTypes.AD_LISTED, buyAd), Publish.DEADLINE);
            String placed = sellOrder(owner, "25.5");                 // PLACED: 25.5
            Publish.fundsReserved(placed, owner, 25_500_000L);
            await().atMost(Publish.DEADLINE).untilAsserted(() -> Rest.orderOf(owner, placed).then()
                    .body("status", equalTo("PLACED")));
            sellOrder(owner, "7");                                     // PENDING_FUNDING: not reserved yet

            assertEquals(800 * USDT + 1000 * USDT + 1000 * USDT + 25_500_000L, reservedOf(owner));

            // The book confirms the cancelled ad's withdrawal (its 1000 released), and the trade ends cancelled:
            // its 200 come back to the active ad.
            Publish.awaitApplied("order.matching-events",
                    Publish.bookQuantityCancelled(cancelled, "USDT-CNY", owner, 1000 * USDT));
            Publish.awaitApplied("order.escrow-events", Publish.escrow(EventTypes.TRADE_CANCELLED, t1, "CANCELLED", null));
            awaitRemaining(owner, active, "1000");
            assertEquals(1000 * USDT + 1000 * USDT + 25_500_000L, reservedOf(owner));
            assertNull(holdOf(report(), merchant), "a BUY ad holds nothing");
        }
    }

    @Test
    void onlyAdminsReadItAndOnlyUnderThisServicesName() {
        Rest.anonymous().when().get(REPORT).then().statusCode(401);
        Rest.as("recon-trader").when().get(REPORT).then().statusCode(403);
        Rest.asAdmin().when().get("/api/v1/reconciliation/escrow-service").then().statusCode(404);
    }

    private static String sellOrder(String owner, String usdt) {
        return Rest.placeOrder(owner, """
                {"side":"SELL","asset":"USDT","fiat":"BRL","mode":"EXPRESS_QUANTITY","amount":"%s","paymentMethod":"PIX",
                 "priceLimit":"4.50"}"""
                .formatted(usdt)).then().statusCode(201).extract().path("id");
    }

    private static long reservedOf(String owner) {
        Map<String, Object> hold = holdOf(report(), owner);
        assertEquals(0, ((Number) hold.get("lockedMicros")).longValue(), "order-service never holds locked USDT");
        return ((Number) hold.get("reservedMicros")).longValue();
    }

    private static JsonPath report() {
        return Rest.asAdmin().when().get(REPORT).then().statusCode(200)
                .body("service", equalTo("order-service")).extract().jsonPath();
    }

    private static Map<String, Object> holdOf(JsonPath report, String owner) {
        return report.getMap("holds.find { it.ownerId == '" + owner + "' }");
    }
}
