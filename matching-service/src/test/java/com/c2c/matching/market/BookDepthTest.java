package com.c2c.matching.market;

import com.c2c.testkit.As;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.matching.book.EngineLoop;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The public depth endpoint on the real engine: ads listed, partly filled and withdrawn through the
 * input topic show up level by level, exactly, once the engine has applied them, and again after the
 * engine crashed and rebuilt its books. Without any caller headers: the endpoint is public.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_matching"))
@QuarkusTestResource(value = FreshTopicResource.class, initArgs = {
        @ResourceArg(name = "property", value = "c2c.matching.input-topic"),
        @ResourceArg(name = "c2c.matching.engine-enabled", value = "true"),
        @ResourceArg(name = "c2c.matching.snapshot-interval", value = "1h")})
class BookDepthTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String MARKET = "USDT-MYR";

    @ConfigProperty(name = "c2c.matching.input-topic")
    String inputTopic;

    @Inject
    EngineLoop loop;

    @Test
    void depthFollowsListedFilledAndWithdrawnAds() {
        openMarket("MYR");
        // Open, nothing listed yet: an empty book, not an error.
        JsonPath empty = awaitDepth(20, List.of(), List.of());
        assertEquals(MARKET, empty.getString("market"));

        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (TestEvents events = new TestEvents()) {
            listAd(events, first, "merchant1", "SELL", 472, 1_000_000_000L, 10000);
            listAd(events, second, "merchant2", "SELL", 472, 500_000_000L, 10000);
            listAd(events, UUID.randomUUID(), "merchant3", "SELL", 475, 250_500_000L, 10000);
            listAd(events, UUID.randomUUID(), "merchant4", "BUY", 465, 800_000_000L, 10000);
            listAd(events, UUID.randomUUID(), "merchant5", "BUY", 468, 100_000_000L, 10000);
            // Worth 4.72 MYR against a minimum order of 100.00: no taker can fill it, so it is not depth.
            listAd(events, UUID.randomUUID(), "merchant6", "SELL", 472, 1_000_000L, 10000);
            JsonPath listed = awaitDepth(20,
                    List.of(level("4.72", "1500.000000", 2), level("4.75", "250.500000", 1)),
                    List.of(level("4.68", "100.000000", 1), level("4.65", "800.000000", 1)));
            assertTrue(listed.getLong("sequence") >= 6, "sequence " + listed.getLong("sequence"));
            assertTrue(listed.getMap("offsets").size() >= 1, "offsets " + listed.getMap("offsets"));

            // bob takes 300 USDT of the first ad: its level drops by exactly that.
            placeOnAd(events, first, 300_000_000L);
            JsonPath filled = awaitDepth(20,
                    List.of(level("4.72", "1200.000000", 2), level("4.75", "250.500000", 1)),
                    List.of(level("4.68", "100.000000", 1), level("4.65", "800.000000", 1)));
            assertTrue(filled.getLong("sequence") > listed.getLong("sequence"));

            // The second ad is withdrawn (paused or cancelled): it leaves its level.
            events.publish(inputTopic, MARKET, UUID.randomUUID().toString(), EventTypes.AD_WITHDRAWN,
                    "{\"adId\":\"%s\",\"market\":\"%s\"}".formatted(second, MARKET));
            awaitDepth(20,
                    List.of(level("4.72", "700.000000", 1), level("4.75", "250.500000", 1)),
                    List.of(level("4.68", "100.000000", 1), level("4.65", "800.000000", 1)));

            // Fewer levels: the best of each side.
            awaitDepth(1, List.of(level("4.72", "700.000000", 1)), List.of(level("4.68", "100.000000", 1)));

            // The engine crashes right after committing the next input and rebuilds by replaying the topic: the
            // depth it publishes again is the same book, plus that input.
            loop.simulateCrash(EngineLoop.CrashPoint.AFTER_COMMIT);
            listAd(events, UUID.randomUUID(), "merchant7", "BUY", 466, 50_000_000L, 10000);
            JsonPath rebuilt = awaitDepth(20,
                    List.of(level("4.72", "700.000000", 1), level("4.75", "250.500000", 1)),
                    List.of(level("4.68", "100.000000", 1), level("4.66", "50.000000", 1),
                            level("4.65", "800.000000", 1)));
            assertTrue(rebuilt.getLong("sequence") > filled.getLong("sequence"));
        }
    }

    @Test
    void levelsOutOfRangeAreRefusedNamingTheField() {
        openMarket("THB");
        for (String levels : List.of("0", "101", "-3", "abc", "2.5")) {
            given().queryParam("levels", levels)
                    .when().get("/api/v1/markets/USDT-THB/book")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("levels"))
                    .body("detail", equalTo("levels must be a whole number from 1 to 100"));
        }
        given().queryParam("levels", 100).when().get("/api/v1/markets/USDT-THB/book").then().statusCode(200);
    }

    @Test
    void theApiDocumentsTheOperation() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/markets/{market}/book'.get.operationId", equalTo("getBookDepth"))
                .body("paths.'/api/v1/markets/{market}/book'.get.responses.keySet()",
                        hasItems("200", "400", "404"));
    }

    @Test
    void anUnknownMarketIsNotFound() {
        given().when().get("/api/v1/markets/USDT-XYZ/book")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    /** Polls the endpoint until it answers exactly these levels (price, quantity, ads); returns that answer. */
    private static JsonPath awaitDepth(int levels, List<Map<String, Object>> asks, List<Map<String, Object>> bids) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonPath body = given().queryParam("levels", levels)
                    .when().get("/api/v1/markets/" + MARKET + "/book")
                    .then().statusCode(200).contentType(ContentType.JSON)
                    .extract().jsonPath();
            assertEquals(asks, body.getList("asks"), "asks");
            assertEquals(bids, body.getList("bids"), "bids");
            last[0] = body;
        });
        return last[0];
    }

    private static Map<String, Object> level(String price, String quantity, int ads) {
        return Map.of("price", price, "quantity", quantity, "ads", ads);
    }

    private static void openMarket(String fiat) {
        As.user("admin1", "admin").contentType(ContentType.JSON)
                .body("{\"asset\":\"USDT\",\"fiat\":\"%s\",\"tickSize\":\"0.01\"}".formatted(fiat))
                .when().post("/api/v1/markets").then().statusCode(201);
    }

    /** An ad paid by bank transfer, up to 100,000.00 MYR per order, no trade-count condition. */
    private void listAd(TestEvents events, UUID adId, String owner, String side, long priceMinor, long quantityMicros,
            long minOrderMinor) {
        events.publish(inputTopic, MARKET, UUID.randomUUID().toString(), EventTypes.AD_LISTED, """
                {"adId":"%s","ownerId":"%s","market":"%s","side":"%s","priceMinor":%d,
                 "quantityMicros":%d,"minOrderMinor":%d,"maxOrderMinor":10000000,
                 "paymentMethods":["BANK_TRANSFER"],"minCompletedTrades":0}"""
                .formatted(adId, owner, MARKET, side, priceMinor, quantityMicros, minOrderMinor));
    }

    /** bob buys {@code quantityMicros} from the SELL ad {@code adId}. */
    private void placeOnAd(TestEvents events, UUID adId, long quantityMicros) {
        events.publish(inputTopic, MARKET, UUID.randomUUID().toString(), EventTypes.ORDER_PLACED, """
                {"orderId":"%s","ownerId":"bob","market":"%s","side":"BUY","mode":"AD_QUANTITY","amount":%d,
                 "priceMinor":0,"timeInForce":"IOC","paymentMethods":["BANK_TRANSFER"],"completedTrades":3,
                 "adId":"%s"}""".formatted(UUID.randomUUID(), MARKET, quantityMicros, adId));
    }
}
