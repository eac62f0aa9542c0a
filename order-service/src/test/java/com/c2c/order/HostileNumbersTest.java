package com.c2c.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import com.c2c.platform.web.Cursor;
import com.c2c.platform.web.TimeAndId;
import com.c2c.testkit.ListWalk;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The reported cases: a decimal with a huge exponent kept the service busy for minutes, a page number near
 * Integer.MAX_VALUE overflowed the offset into a 500 (lists are paged by cursor since, with no offset; their
 * limits and cursors are held to bounds here). Each is now a 400 naming the parameter or field, answered at
 * once. Requests give up after 10 s, so a regression fails here instead of hanging the build.
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
    void aLimitOrCursorOutOfBoundsIsRefusedOnEveryList() {
        refused(as("pager").get("/api/v1/orders?limit=2147483648"), "limit", "must be between 1 and 100");
        refused(as("pager").get("/api/v1/ads?limit=1e3"), "limit", "must be a whole number between 1 and 100");
        refused(anyone().get("/api/v1/markets/USDT-CNY/ads?side=SELL&limit=0"), "limit", "must be between 1 and 100");
        for (String list : List.of("/api/v1/orders", "/api/v1/ads")) {
            ListWalk.refusesBadPaging(() -> Rest.as("pager"), list);
        }
        for (String list : List.of("/api/v1/maker/ads", "/api/v1/maker/trades", "/api/v1/maker/fills")) {
            ListWalk.refusesBadPaging(() -> Rest.asMerchant("pager"), list);
        }
        String listing = "/api/v1/markets/USDT-CNY/ads?side=SELL";
        ListWalk.refusesBadPaging(Rest::anonymous, listing);
        // A position in another list's order (time, id) is not one of the listing's (price, time, id).
        String ofMyOrders = Cursor.encode(new TimeAndId(Instant.now(), UUID.randomUUID()));
        refused(anyone().queryParam("cursor", ofMyOrders).get(listing), "cursor",
                "is not a cursor this API gave out; start without one");
        // The position after everything there is: an empty page, not an error.
        String last = Cursor.encode(new TimeAndId(Instant.EPOCH, new UUID(0, 0)));
        as("pager").queryParam("cursor", last).get("/api/v1/orders").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("hasMore", equalTo(false));
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
