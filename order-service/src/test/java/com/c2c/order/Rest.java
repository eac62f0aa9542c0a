package com.c2c.order;

import com.c2c.testkit.As;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/**
 * The service's REST API as the tests call it: as a user (a real token of the development realm, see
 * {@link As}) with realm roles, with a fresh Idempotency-Key per POST. {@link #as(String, String...)} is
 * the one place that says who is calling.
 */
public final class Rest {
    private Rest() {
    }

    public static RequestSpecification as(String user, String... roles) {
        return As.user(user, roles).contentType(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return As.admin().contentType(ContentType.JSON);
    }

    /** A liquidity provider's program: the maker client acting for {@code user} (client credentials, role merchant). */
    public static RequestSpecification asMerchant(String user) {
        return As.maker(user).contentType(ContentType.JSON);
    }

    /** No caller at all. */
    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    public static Response postAd(String owner, String body) {
        return as(owner).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).when().post("/api/v1/ads");
    }

    /** A FIXED ad; returns its id. */
    public static String ad(String owner, String side, String fiat, String price, String quantity, String min,
            String max, String methods) {
        return postAd(owner, """
                {"side":"%s","asset":"USDT","fiat":"%s","price":"%s","quantity":"%s","minOrder":"%s","maxOrder":"%s",
                 "paymentMethods":[%s]}""".formatted(side, fiat, price, quantity, min, max, methods))
                .then().statusCode(201).extract().path("id");
    }

    public static Response adOf(String owner, String adId) {
        return as(owner).when().get("/api/v1/ads/" + adId);
    }

    public static Response adAction(String owner, String adId, String action) {
        return as(owner).when().post("/api/v1/ads/" + adId + "/" + action);
    }

    public static Response placeOrder(String owner, String body) {
        return as(owner).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).when()
                .post("/api/v1/orders");
    }

    /**
     * Sets the fiat's reference price (an admin's call). Express orders without a priceLimit need one; the
     * CNY tests use 7.20, around which all their CNY ads are priced.
     */
    public static void referencePrice(String fiat, String price) {
        asAdmin().body("{\"price\":\"" + price + "\"}").when().put("/api/v1/admin/reference-prices/" + fiat)
                .then().statusCode(200);
    }

    public static Response orderOf(String owner, String orderId) {
        return as(owner).when().get("/api/v1/orders/" + orderId);
    }
}
