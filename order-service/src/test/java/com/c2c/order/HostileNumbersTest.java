package com.c2c.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The reported cases: a decimal with a huge exponent kept the service busy for minutes, a page number near
 * Integer.MAX_VALUE overflowed the offset into a 500. Each is now a 400 naming the parameter or field,
 * answered at once. Requests give up after 10 s, so a regression fails here instead of hanging the build.
 */
@QuarkusTest
class HostileNumbersTest {
    private static final long AT_ONCE_MS = 2_000;
    private static final RestAssuredConfig DEADLINE = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 10_000));

    @Test
    void aHugeExponentInTheListingsAmountIsRefusedAtOnce() {
        refused(anyone().get("/api/v1/markets/USDT-CNY/ads?side=SELL&amount=1e500000000"), "amount", "is too large");
        refused(anyone().get("/api/v1/markets/USDT-CNY/ads?side=SELL&amount=1e-500000000"), "amount",
                "must have at most 18 decimal places");
        refused(anyone().get("/api/v1/markets/USDT-CNY/ads?side=SELL&amount=" + "9".repeat(3000)), "amount",
                "is too long for a number (at most 64 characters)");
    }

    @Test
    void aPageNearIntegerMaxValueIsRefusedNotOverflowed() {
        refused(as("pager").get("/api/v1/orders?page=2147483647"), "page", "must be between 0 and 10000");
        refused(as("pager").get("/api/v1/ads?page=2147483647&size=100"), "page", "must be between 0 and 10000");
        refused(anyone().get("/api/v1/markets/USDT-CNY/ads?side=SELL&page=2147483647"), "page",
                "must be between 0 and 10000");
        refused(as("pager").get("/api/v1/orders?page=99999999999999999999"), "page", "must be between 0 and 10000");
        refused(as("pager").get("/api/v1/orders?size=1e3"), "size", "must be a whole number between 1 and 100");
        // The deepest page there may be: empty, not an error.
        as("pager").get("/api/v1/orders?page=10000&size=100").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aHugeExponentInAJsonBodyIsRefusedAtOnceNamingTheField() {
        String ad = """
                {"side":"SELL","asset":"USDT","fiat":"CNY","price":"7.20","quantity":%s,
                 "minOrder":"100","maxOrder":"5000","paymentMethods":["ALIPAY"]}""";
        for (String quantity : new String[] {"1e500000000", "\"1e500000000\"", "-1e500000000"}) {
            refused(postAd(ad.formatted(quantity)), "quantity", "is too large");
        }
        refused(postAd(ad.formatted("1e-500000000")), "quantity", "must have at most 18 decimal places");
        // Within the bounds but beyond a long of micro-USDT: the conversion's own answer, as before.
        refused(postAd(ad.formatted("1e25")), "quantity", "is too large");

        refused(as("taker").header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"side":"BUY","asset":"USDT","fiat":"CNY","mode":"EXPRESS_FIAT","amount":1e500000000,
                 "paymentMethod":"ALIPAY"}""").post("/api/v1/orders"), "amount", "is too large");
        refused(as("merchant").body("{\"marginPercent\": -1e500000000}").patch("/api/v1/ads/" + UUID.randomUUID()),
                "marginPercent", "is too large");
        refused(Rest.as("admin-1", "admin").config(DEADLINE).body("{\"price\": 1e500000000}")
                .put("/api/v1/admin/reference-prices/CNY"), "price", "is too large");
    }

    private static RequestSpecification anyone() {
        return given().config(DEADLINE).when();
    }

    private static RequestSpecification as(String user) {
        return Rest.as(user + "-" + UUID.randomUUID()).config(DEADLINE).when();
    }

    private static Response postAd(String body) {
        return as("merchant").header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/v1/ads");
    }

    private static void refused(Response answer, String field, String message) {
        answer.then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo(message))
                .time(lessThan(AT_ONCE_MS));
    }
}
