package com.c2c.order.taker;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.order.Publish;
import com.c2c.order.Rest;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Taker price protection (issue 10, item 6; found 6: a newcomer's express SELL could fill against a BUY ad
 * at 0.01): every order goes to the book with a price limit — the taker's {@code priceLimit}, else the
 * reference price ± 5 % (express) or the chosen ad's price (AD_*) — and without a reference price an
 * express order needs one of its own. The book's PRICE_LIMIT rejection ends the order with its USDT released.
 * INR's reference is 83.00 here; THB has none.
 */
@QuarkusTest
class PriceLimitTest {
    private static final Duration DEADLINE = Publish.DEADLINE;

    @BeforeEach
    void inrHasAReferencePrice() {
        Rest.referencePrice("INR", "83.00");
    }

    @Test
    void anExpressSellIntoABuyAdFarBelowTheReferenceGoesWithTheDerivedLimitAndItsRejectionReleasesTheUsdt() {
        String merchant = "merchant-" + UUID.randomUUID();
        String newcomer = "newcomer-" + UUID.randomUUID();
        // Posted before PHP had a reference price, so no band held it: a BUY ad at 0.01 PHP per USDT.
        Rest.ad(merchant, "BUY", "PHP", "0.01", "1000", "0.01", "5000", "\"BANK_TRANSFER\"");
        Rest.referencePrice("PHP", "56.00");
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS);
                TopicProbe wallet = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            String order = Rest.placeOrder(newcomer, """
                    {"side":"SELL","asset":"USDT","fiat":"PHP","mode":"EXPRESS_QUANTITY","amount":"100",
                     "paymentMethod":"BANK_TRANSFER"}""").then().statusCode(201)
                    .body("priceLimit", equalTo(53.20f)).body("priceLimitSource", equalTo("REFERENCE"))
                    .extract().path("id");
            Publish.fundsReserved(order, newcomer, 100_000_000L);
            ConsumedEvent placed = book.await(SellOrderTest.subject(EventTypes.ORDER_PLACED, order), DEADLINE);
            // 56.00 - 5 %: the book sells at no less than 53.20, so the ad at 0.01 cannot fill it.
            assertTrue(placed.data().contains("\"priceLimitMinor\":5320"), placed.data());

            Publish.orderRejected(order, "USDT-PHP", "PRICE_LIMIT", "no ad within your price limit can take this order");
            ConsumedEvent release = wallet.await(SellOrderTest.release("release-order:" + order + ":rejected"),
                    DEADLINE);
            assertTrue(release.data().contains("\"quantityMicros\":100000000"), release.data());
            await().atMost(DEADLINE).untilAsserted(() -> Rest.orderOf(newcomer, order).then()
                    .body("status", equalTo("REJECTED"))
                    .body("rejectReason", containsString("PRICE_LIMIT"))
                    .body("priceLimit", equalTo(53.20f)));
        }
    }

    @Test
    void anExpressBuyWithoutALimitPaysAtMostTheReferencePlusTheDeviation() {
        String buyer = "buyer-" + UUID.randomUUID();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String order = place(buyer, "BUY", "EXPRESS_FIAT", null, "830.00", null).then().statusCode(201)
                    .body("priceLimit", equalTo(87.15f)).body("priceLimitSource", equalTo("REFERENCE"))
                    .extract().path("id");
            ConsumedEvent placed = book.await(SellOrderTest.subject(EventTypes.ORDER_PLACED, order), DEADLINE);
            assertTrue(placed.data().contains("\"priceLimitMinor\":8715"), placed.data()); // 83.00 + 5 %
        }
    }

    @Test
    void anExplicitLimitGoesToTheBookAsGivenInEitherDirection() {
        String taker = "taker-" + UUID.randomUUID();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String buy = place(taker, "BUY", "EXPRESS_QUANTITY", null, "10", "84.10").then().statusCode(201)
                    .body("priceLimit", equalTo(84.10f)).body("priceLimitSource", equalTo("EXPLICIT"))
                    .extract().path("id");
            String sell = place(taker, "SELL", "EXPRESS_QUANTITY", null, "10", "82.5").then().statusCode(201)
                    .body("priceLimit", equalTo(82.50f)).extract().path("id");
            Publish.fundsReserved(sell, taker, 10_000_000L);
            assertTrue(book.await(SellOrderTest.subject(EventTypes.ORDER_PLACED, buy), DEADLINE).data()
                    .contains("\"priceLimitMinor\":8410"));
            assertTrue(book.await(SellOrderTest.subject(EventTypes.ORDER_PLACED, sell), DEADLINE).data()
                    .contains("\"priceLimitMinor\":8250"));
        }
    }

    @Test
    void anOrderOnAChosenAdIsLimitedToItsPriceOrItsOwnLimitWhichTheAdMustMeet() {
        String merchant = "merchant-" + UUID.randomUUID();
        String taker = "taker-" + UUID.randomUUID();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String buyAd = Rest.ad(merchant, "BUY", "INR", "82.00", "1000", "10", "50000", "\"UPI\"");
            String sellAd = Rest.ad(merchant, "SELL", "INR", "84.00", "1000", "10", "50000", "\"UPI\"");
            Publish.adFundsReserved(sellAd, merchant, 1000_000_000L);
            book.await(SellOrderTest.subject(EventTypes.AD_LISTED, sellAd), DEADLINE);

            // Without a limit: the ad's price as the taker saw it, whatever the reference says.
            String onSellAd = place(taker, "BUY", "AD_FIAT", sellAd, "840.00", null).then().statusCode(201)
                    .body("priceLimit", equalTo(84.00f)).body("priceLimitSource", equalTo("CHOSEN_AD"))
                    .extract().path("id");
            assertTrue(book.await(SellOrderTest.subject(EventTypes.ORDER_PLACED, onSellAd), DEADLINE).data()
                    .contains("\"priceLimitMinor\":8400"));
            // With one the ad meets: the taker's own.
            place(taker, "BUY", "AD_QUANTITY", sellAd, "1", "85.00").then().statusCode(201)
                    .body("priceLimit", equalTo(85.00f)).body("priceLimitSource", equalTo("EXPLICIT"));
            place(taker, "SELL", "AD_QUANTITY", buyAd, "1", "81.00").then().statusCode(201)
                    .body("priceLimit", equalTo(81.00f));

            // With one the ad is beyond: refused at once, nothing stored or reserved.
            place(taker, "BUY", "AD_QUANTITY", sellAd, "1", "83.99").then().statusCode(409)
                    .body("errors.field", hasItem("priceLimit")).body("detail", containsString("84.00"));
            place(taker, "SELL", "AD_FIAT", buyAd, "100.00", "82.01").then().statusCode(409)
                    .body("errors.field", hasItem("priceLimit"));
            assertEquals(3L, TestDatabase.queryLong("select count(*) from taker_order where owner_id = '" + taker + "'"));
        }
    }

    @Test
    void withoutAReferencePriceAnExpressOrderNeedsItsOwnLimit() {
        String taker = "taker-" + UUID.randomUUID();
        place(taker, "BUY", "EXPRESS_FIAT", "THB", null, "100.00", null).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://c2c.dev/problems/no-reference-price"))
                .body("errors.field", hasItem("priceLimit"));
        assertEquals(0L, TestDatabase.queryLong("select count(*) from taker_order where owner_id = '" + taker + "'"));
        place(taker, "BUY", "EXPRESS_FIAT", "THB", null, "100.00", "36.00").then().statusCode(201)
                .body("priceLimit", equalTo(36.00f)).body("priceLimitSource", equalTo("EXPLICIT"));
    }

    @Test
    void aBadLimitIsA400NamingItAndAChangedOneIsAnotherOrder() {
        String taker = "taker-" + UUID.randomUUID();
        for (String bad : new String[] {"83.001", "0", "-1", "1e500000000", "99999999", "\"x\""}) {
            String body = """
                    {"side":"BUY","asset":"USDT","fiat":"INR","mode":"EXPRESS_FIAT","amount":"100.00",
                     "paymentMethod":"UPI","priceLimit":%s}""".formatted(bad.startsWith("\"") ? bad : "\"" + bad + "\"");
            Rest.placeOrder(taker, body).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("priceLimit"));
        }
        assertEquals(0L, TestDatabase.queryLong("select count(*) from taker_order where owner_id = '" + taker + "'"));

        String key = UUID.randomUUID().toString();
        String limited = body("BUY", "EXPRESS_FIAT", "INR", null, "100.00", "84.00");
        String id = Rest.as(taker).header("Idempotency-Key", key).body(limited).when().post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
        Rest.as(taker).header("Idempotency-Key", key).body(limited).when().post("/api/v1/orders")
                .then().statusCode(200).body("id", equalTo(id));
        Rest.as(taker).header("Idempotency-Key", key).body(body("BUY", "EXPRESS_FIAT", "INR", null, "100.00", "84.01"))
                .when().post("/api/v1/orders").then().statusCode(409);
        Rest.as(taker).header("Idempotency-Key", key).body(body("BUY", "EXPRESS_FIAT", "INR", null, "100.00", null))
                .when().post("/api/v1/orders").then().statusCode(409);

        String derivedKey = UUID.randomUUID().toString();
        String derived = body("BUY", "EXPRESS_FIAT", "INR", null, "100.00", null);
        String second = Rest.as(taker).header("Idempotency-Key", derivedKey).body(derived).when()
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        Rest.referencePrice("INR", "83.50"); // a retry asks for the default, not for a number
        Rest.as(taker).header("Idempotency-Key", derivedKey).body(derived).when().post("/api/v1/orders")
                .then().statusCode(200).body("id", equalTo(second)).body("priceLimit", equalTo(87.15f));
    }

    private static Response place(String taker, String side, String mode, String adId, String amount, String limit) {
        return place(taker, side, mode, adId == null ? "INR" : null, adId, amount, limit);
    }

    private static Response place(String taker, String side, String mode, String fiat, String adId, String amount,
            String limit) {
        return Rest.placeOrder(taker, body(side, mode, fiat, adId, amount, limit));
    }

    private static String body(String side, String mode, String fiat, String adId, String amount, String limit) {
        return """
                {"side":"%s","asset":"USDT",%s%s"mode":"%s","amount":"%s","paymentMethod":"UPI"%s}""".formatted(side,
                fiat == null ? "" : "\"fiat\":\"" + fiat + "\",", adId == null ? "" : "\"adId\":\"" + adId + "\",",
                mode, amount, limit == null ? "" : ",\"priceLimit\":\"" + limit + "\"");
    }
}
