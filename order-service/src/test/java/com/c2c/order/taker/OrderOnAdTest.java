package com.c2c.order.taker;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An order on the ad the taker chose: the ad must be takeable; the order carries it to the book. */
@QuarkusTest
class OrderOnAdTest {

    @Test
    void aBuyOrderOnAChosenSellAdGoesToTheBookWithTheAd() {
        String merchant = "merchant-" + UUID.randomUUID();
        String buyer = "buyer-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String ad = Rest.ad(merchant, "SELL", "MXN", "18.50", "500", "100", "5000", "\"SEPA\"");
            Publish.adFundsReserved(ad, merchant, 500_000_000L);
            book.await(SellOrderTest.subject(EventTypes.AD_LISTED, ad), Publish.DEADLINE);

            String body = """
                    {"side":"BUY","asset":"USDT","mode":"AD_FIAT","adId":"%s","amount":"370.00","paymentMethod":"SEPA"}"""
                    .formatted(ad);
            String order = OrderPlacementTest.place(buyer, key, body).then().statusCode(201)
                    .body("status", equalTo("PLACED")).body("market", equalTo("USDT-MXN"))
                    .body("adId", equalTo(ad)).body("mode", equalTo("AD_FIAT")).body("amount", equalTo(370.00f))
                    .extract().path("id");
            OrderPlacementTest.place(buyer, key, body).then().statusCode(200).body("id", equalTo(order));
            OrderPlacementTest.place(buyer, key, body.replace("\"AD_FIAT\"", "\"AD_QUANTITY\"")).then().statusCode(409);

            ConsumedEvent placed = book.await(SellOrderTest.subject(EventTypes.ORDER_PLACED, order), Publish.DEADLINE);
            assertEquals("USDT-MXN", placed.key());
            assertTrue(placed.data().contains("\"mode\":\"AD_FIAT\""), placed.data());
            assertTrue(placed.data().contains("\"amount\":37000"), placed.data());
            assertTrue(placed.data().contains("\"adId\":\"" + ad + "\""), placed.data());
        }
    }

    @Test
    void anAdThatCannotBeTakenIsRefusedNamingIt() {
        String merchant = "merchant-" + UUID.randomUUID();
        String taker = "taker-" + UUID.randomUUID();
        String sellAd = Rest.ad(merchant, "SELL", "MXN", "18.50", "500", "100", "5000", "\"SEPA\"");
        String buyAd = Rest.ad(merchant, "BUY", "MXN", "18.00", "500", "100", "5000", "\"SEPA\"");

        place(taker, "BUY", "AD_QUANTITY", UUID.randomUUID().toString(), "10").then().statusCode(404)
                .contentType("application/problem+json").body("errors.field", hasItem("adId"));
        place(taker, "BUY", "AD_QUANTITY", sellAd, "10").then().statusCode(409)
                .body("errors.field", hasItem("adId")).body("detail", org.hamcrest.Matchers.containsString("PENDING_FUNDING"));
        place(taker, "BUY", "AD_QUANTITY", buyAd, "10").then().statusCode(400).body("errors.field", hasItem("adId"));
        place(merchant, "SELL", "AD_QUANTITY", buyAd, "10").then().statusCode(400).body("errors.field", hasItem("adId"));
        Rest.placeOrder(taker, """
                {"side":"BUY","asset":"USDT","mode":"AD_QUANTITY","amount":"10","paymentMethod":"SEPA"}""")
                .then().statusCode(400).body("errors.field", hasItem("adId"));
        Rest.placeOrder(taker, """
                {"side":"BUY","asset":"USDT","fiat":"MXN","mode":"EXPRESS_QUANTITY","adId":"%s","amount":"10",
                 "paymentMethod":"SEPA"}""".formatted(buyAd)).then().statusCode(400).body("errors.field", hasItem("adId"));
        Rest.placeOrder(taker, """
                {"side":"SELL","asset":"USDT","fiat":"EUR","mode":"AD_QUANTITY","adId":"%s","amount":"10",
                 "paymentMethod":"SEPA"}""".formatted(buyAd)).then().statusCode(400).body("errors.field", hasItem("fiat"));
        Rest.adAction(merchant, buyAd, "pause").then().statusCode(200);
        place(taker, "SELL", "AD_QUANTITY", buyAd, "10").then().statusCode(409).body("errors.field", hasItem("adId"));
        assertEquals(0L, TestDatabase.queryLong("select count(*) from taker_order where owner_id in ('" + taker
                + "', '" + merchant + "')"));
    }

    private static io.restassured.response.Response place(String owner, String side, String mode, String adId,
            String amount) {
        return Rest.placeOrder(owner, """
                {"side":"%s","asset":"USDT","mode":"%s","adId":"%s","amount":"%s","paymentMethod":"SEPA"}"""
                .formatted(side, mode, adId, amount));
    }
}
