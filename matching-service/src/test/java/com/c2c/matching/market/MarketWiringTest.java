package com.c2c.matching.market;

import com.c2c.testkit.As;
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

/** REST call → row in c2c_matching → CloudEvent on c2c.matching.events.v1, against the real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_matching"))
@QuarkusTestResource(KafkaResource.class)
class MarketWiringTest {

    @Test
    void openedMarketIsStoredAndAnnounced() {
        try (TopicProbe events = TopicProbe.open(Topics.MATCHING_EVENTS)) {
            As.user("admin1", "admin").contentType(ContentType.JSON)
                    .body("{\"asset\":\"USDT\",\"fiat\":\"EUR\",\"tickSize\":\"0.01\"}")
                    .when().post("/api/v1/markets")
                    .then().statusCode(201)
                    .body("id", equalTo("USDT-EUR"))
                    .body("tickSize", equalTo(0.01f));

            assertEquals(1L, TestDatabase.queryLong("select tick_minor from market where id = 'USDT-EUR'"));
            ConsumedEvent event = events.await(e -> EventTypes.MARKET_OPENED.equals(e.type())
                    && "USDT-EUR".equals(e.key()), Duration.ofSeconds(20));
            assertTrue(event.data().contains("\"fiatScale\":2"), event.data());

            As.user("admin1", "admin").contentType(ContentType.JSON)
                    .body("{\"asset\":\"USDT\",\"fiat\":\"EUR\",\"tickSize\":\"0.01\"}")
                    .when().post("/api/v1/markets")
                    .then().statusCode(409)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void tickFinerThanTheCurrencyIsRefused() {
        As.user("admin1", "admin").contentType(ContentType.JSON)
                .body("{\"asset\":\"USDT\",\"fiat\":\"JPY\",\"tickSize\":\"0.5\"}")
                .when().post("/api/v1/markets")
                .then().statusCode(400)
                .body("errors.field", hasItem("tickSize"));
        assertEquals(0L, TestDatabase.queryLong("select count(*) from market where fiat = 'JPY'"));
    }

    @Test
    void onlyAnAdminOpensMarkets() {
        As.user("alice").contentType(ContentType.JSON)
                .body("{\"asset\":\"USDT\",\"fiat\":\"CHF\",\"tickSize\":\"0.01\"}")
                .when().post("/api/v1/markets")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"asset\":\"USDT\",\"fiat\":\"CHF\",\"tickSize\":\"0.01\"}")
                .when().post("/api/v1/markets")
                .then().statusCode(401);
        assertEquals(0L, TestDatabase.queryLong("select count(*) from market where fiat = 'CHF'"));
    }

    @Test
    void readinessIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
