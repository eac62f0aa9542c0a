package com.c2c.order.ad;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.order.Rest;
import com.c2c.testkit.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A body Jackson cannot read is refused like any other bad request: a 400 problem naming the field by its
 * JSON path (or {@code body} when there is no field to name), never Quarkus's own error body, and nothing
 * is stored.
 */
@QuarkusTest
class MalformedBodyTest {
    private static final String AD = """
            {"side":"SELL","asset":"USDT","fiat":"CNY","price":"7.20","quantity":"1000",
             "minOrder":"100","maxOrder":"5000","paymentMethods":["ALIPAY"],"paymentWindowMinutes":15}""";

    private final String owner = "merchant-" + UUID.randomUUID();

    @AfterEach
    void nothingWasStored() {
        assertEquals(0L, TestDatabase.queryLong("select count(*) from ad where owner_id = '" + owner + "'"));
    }

    @Test
    void unknownEnumValueNamesTheFieldAndListsTheAllowedValues() {
        refused(AD.replace("\"SELL\"", "\"SIDEWAYS\""), "side", "must be one of BUY, SELL")
                .body("detail", equalTo("side must be one of BUY, SELL"));
        refused(AD.replace("\"side\"", "\"priceType\":\"FLOAT\",\"side\""), "priceType",
                "must be one of FIXED, FLOATING");
    }

    @Test
    void unknownEnumValueInAListIsNamedByItsIndex() {
        refused(AD.replace("[\"ALIPAY\"]", "[\"CARRIER_PIGEON\",\"ALIPAY\"]"), "paymentMethods[0]",
                allOf(startsWith("must be one of "), containsString("ALIPAY")));
    }

    @Test
    void valueOfTheWrongTypeNamesTheField() {
        refused(AD.replace("\"quantity\":\"1000\"", "\"quantity\":{}"), "quantity", "must be a number");
        refused(AD.replace("\"paymentWindowMinutes\":15", "\"paymentWindowMinutes\":\"abc\""),
                "paymentWindowMinutes", "must be a whole number");
        refused(AD.replace("[\"ALIPAY\"]", "\"ALIPAY\""), "paymentMethods", "must be a list");
        refused(AD.replace("\"USDT\"", "{\"code\":\"USDT\"}"), "asset",
                "must be a string");
    }

    @Test
    void bodyThatIsNotJsonIsNamedBody() {
        refused("{\"side\":", "body", startsWith("is not valid JSON"));
        refused("{\"side\":\"SELL\" \"asset\":\"USDT\"}", "body", startsWith("is not valid JSON"));
        refused("side=SELL", "body", startsWith("is not valid JSON"));
    }

    @Test
    void bodyOfTheWrongShapeIsNamedBody() {
        refused("[" + AD + "]", "body", "must be an object");
        refused("\"SELL\"", "body", "must be an object");
    }

    @Test
    void missingBodyIsNamedBody() {
        refused("", "body", "must not be null");
        refused("null", "body", "must not be null");
    }

    private ValidatableResponse refused(String body, String field, String message) {
        return refused(body, field, equalTo(message));
    }

    private ValidatableResponse refused(String body, String field, Matcher<String> message) {
        return Rest.postAd(owner, body)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://c2c.dev/problems/invalid-request"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/ads"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", message);
    }
}
