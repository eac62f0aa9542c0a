package com.c2c.escrow.trade;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** REST call → row in c2c_escrow → CloudEvent on c2c.escrow.events.v1, against the real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_escrow"))
@QuarkusTestResource(KafkaResource.class)
class TradeWiringTest {
    private static final String TRADE = """
            {"market":"USDT-CNY","buyerId":"alice","sellerId":"merchant1","quantity":"100.25","price":"7.21"}""";

    @Test
    void openedTradeIsStoredAndAnnouncedKeyedByTrade() {
        try (TopicProbe events = TopicProbe.open(Topics.ESCROW_EVENTS)) {
            String id = given().contentType(ContentType.JSON).header("X-User-Id", "ops1").body(TRADE)
                    .when().post("/api/v1/trades")
                    .then().statusCode(201)
                    .body("status", equalTo("OPENED"))
                    .body("fiatAmount", equalTo(722.80f))
                    .extract().path("id");

            assertEquals(72280L, TestDatabase.queryLong("select fiat_amount_minor from trade where id = '" + id + "'"));
            ConsumedEvent event = events.await(e -> id.equals(e.key()), Duration.ofSeconds(20));
            assertEquals(EventTypes.TRADE_OPENED, event.type());
            assertTrue(event.data().contains("\"quantityMicros\":100250000"), event.data());

            given().header("X-User-Id", "alice").when().get("/api/v1/trades/" + id).then().statusCode(200);
            given().header("X-User-Id", "mallory").when().get("/api/v1/trades/" + id).then().statusCode(404);
        }
    }

    @Test
    void selfTradeIsRefused() {
        given().contentType(ContentType.JSON).header("X-User-Id", "ops1")
                .body(TRADE.replace("\"merchant1\"", "\"alice\""))
                .when().post("/api/v1/trades")
                .then().statusCode(400)
                .body("errors.field", hasItem("sellerId"));
        assertEquals(0L, TestDatabase.queryLong("select count(*) from trade where seller_id = 'alice'"));
    }

    @Test
    void readinessIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
