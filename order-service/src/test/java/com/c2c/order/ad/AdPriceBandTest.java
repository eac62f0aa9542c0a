package com.c2c.order.ad;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.order.Rest;
import com.c2c.testkit.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ads priced beyond the band around their fiat's reference price (20 % by default) are refused with a
 * 400 naming {@code price}: posted, amended, or upserted through the maker API (that item rejected, the
 * others done). ZAR's reference is 18.00 here, so its band is 14.40..21.60; NGN has no reference price,
 * and its ads are not held to any band.
 */
@QuarkusTest
class AdPriceBandTest {

    @BeforeEach
    void zarHasAReferencePrice() {
        Rest.referencePrice("ZAR", "18.00");
    }

    @Test
    void aFixedPriceBeyondTheBandIsRefusedAndOneAtItsEdgeIsTaken() {
        String owner = "merchant-" + UUID.randomUUID();
        post(owner, "BUY", "ZAR", "14.39").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("price"))
                .body("errors[0].message", containsString("reference price 18.00 ZAR: 14.40 to 21.60"));
        post(owner, "SELL", "ZAR", "21.61").then().statusCode(400).body("errors.field", contains("price"));
        post(owner, "BUY", "ZAR", "0.01").then().statusCode(400).body("errors.field", contains("price"));
        assertEquals(0L, TestDatabase.queryLong("select count(*) from ad where owner_id = '" + owner + "'"));

        post(owner, "BUY", "ZAR", "14.40").then().statusCode(201);
        post(owner, "SELL", "ZAR", "21.60").then().statusCode(201);
        post(owner, "BUY", "NGN", "0.01").then().statusCode(201); // no reference price: nothing to hold it to
    }

    @Test
    void anAmendedPriceIsHeldToTheBandToo() {
        String owner = "merchant-" + UUID.randomUUID();
        String ad = post(owner, "BUY", "ZAR", "18.00").then().statusCode(201).extract().path("id");
        Rest.as(owner).body("{\"price\":\"10.00\"}").when().patch("/api/v1/ads/" + ad).then().statusCode(400)
                .body("errors.field", hasItem("price"));
        Rest.adOf(owner, ad).then().body("price", equalTo(18.00f));
        Rest.as(owner).body("{\"price\":\"19.00\"}").when().patch("/api/v1/ads/" + ad).then().statusCode(200)
                .body("price", equalTo(19.00f));
        // Changing other terms does not judge the price again.
        Rest.as(owner).body("{\"terms\":\"bank transfer only\"}").when().patch("/api/v1/ads/" + ad).then()
                .statusCode(200);
    }

    @Test
    void theMakerApiRejectsTheItemPricedBeyondTheBandAndDoesTheOthers() {
        String maker = "maker-" + UUID.randomUUID();
        Rest.asMerchant(maker).body("{\"items\":[" + item("far", "30.00") + "," + item("near", "18.50") + "]}")
                .when().put("/api/v1/maker/ads").then().statusCode(200)
                .body("items.result", contains("rejected", "created"))
                .body("items[0].problem.status", equalTo(400))
                .body("items[0].problem.errors.field", contains("price"));
        Rest.asMerchant(maker).body("{\"items\":[" + item("near", "5.00") + "]}")
                .when().put("/api/v1/maker/ads").then().statusCode(200)
                .body("items[0].result", equalTo("rejected"))
                .body("items[0].problem.errors.field", contains("price"));
        Rest.asMerchant(maker).when().get("/api/v1/maker/ads?limit=100").then().statusCode(200)
                .body("items.clientAdId", contains("near")).body("items[0].price", equalTo(18.50f));
    }

    private static Response post(String owner, String side, String fiat, String price) {
        return Rest.postAd(owner, """
                {"side":"%s","asset":"USDT","fiat":"%s","price":"%s","quantity":"100","minOrder":"0.01",
                 "maxOrder":"500","paymentMethods":["BANK_TRANSFER"]}""".formatted(side, fiat, price));
    }

    private static String item(String clientAdId, String price) {
        return """
                {"clientAdId":"%s","side":"BUY","fiat":"ZAR","price":"%s","quantity":"100","minOrder":"10",
                 "maxOrder":"500","paymentMethods":["BANK_TRANSFER"]}""".formatted(clientAdId, price);
    }
}
