package com.c2c.order.maker;

import static org.awaitility.Awaitility.await;

import com.c2c.events.EventTypes;
import com.c2c.order.Publish;
import com.c2c.order.Rest;
import com.c2c.testkit.ConsumedEvent;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The maker API as the tests call it, and the items they send. */
final class Maker {
    static final String MARKET = "USDT-CNY";
    static final long USDT = 1_000_000L;

    private Maker() {
    }

    static String newMaker() {
        return "maker-" + UUID.randomUUID();
    }

    /** A FIXED CNY ad item; {@code extra} is appended inside the object (e.g. ,"terms":"x"). */
    static String item(String clientAdId, String side, String price, String quantity, String extra) {
        return """
                {"clientAdId":"%s","side":"%s","fiat":"CNY","price":"%s","quantity":"%s","minOrder":"100",
                 "maxOrder":"5000","paymentMethods":["ALIPAY"]%s}""".formatted(clientAdId, side, price, quantity, extra);
    }

    static String batch(String... items) {
        return "{\"items\":[" + String.join(",", items) + "]}";
    }

    static Response upsert(String maker, String body) {
        return Rest.asMerchant(maker).body(body).when().put("/api/v1/maker/ads");
    }

    static ValidatableResponse upsertOk(String maker, String body) {
        return upsert(maker, body).then().statusCode(200);
    }

    static Response cancel(String maker, String... clientAdIds) {
        return Rest.asMerchant(maker).body("{\"clientAdIds\":[" + List.of(clientAdIds).stream()
                .map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]}")
                .when().post("/api/v1/maker/ads/cancel");
    }

    /** The maker's ad named {@code clientAdId}, as GET /api/v1/maker/ads lists it (JSON path prefix). */
    static String adPath(String clientAdId) {
        return "items.find { it.clientAdId == '" + clientAdId + "' }";
    }

    static Response ads(String maker) {
        return Rest.asMerchant(maker).when().get("/api/v1/maker/ads?limit=100");
    }

    static void awaitAd(String maker, String clientAdId, String field, Object expected) {
        await().atMost(Publish.DEADLINE).until(() -> {
            Object actual = ads(maker).then().statusCode(200).extract().path(adPath(clientAdId) + "." + field);
            return String.valueOf(expected).equals(String.valueOf(actual));
        });
    }

    /** A SELL ad of 1000 USDT whose funds the wallet reserved, on the book. */
    static String fundedSellAd(String maker, String clientAdId, com.c2c.testkit.TopicProbe book) {
        String id = upsertOk(maker, batch(item(clientAdId, "SELL", "7.20", "1000", ""))).extract()
                .path("items[0].ad.id");
        Publish.adFundsReserved(id, maker, 1000 * USDT);
        book.await(of(EventTypes.AD_LISTED, id), Publish.DEADLINE);
        return id;
    }

    static Predicate<ConsumedEvent> of(String type, String subject) {
        return e -> type.equals(e.type()) && subject.equals(e.cloudEvent().get("subject"));
    }
}
