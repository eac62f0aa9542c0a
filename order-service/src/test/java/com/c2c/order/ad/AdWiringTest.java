package com.c2c.order.ad;

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

/** REST call → row in c2c_order → CloudEvent on c2c.order.events.v1, against the real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_order"))
@QuarkusTestResource(KafkaResource.class)
class AdWiringTest {
    private static final String AD = """
            {"side":"SELL","asset":"USDT","fiat":"CNY","price":"7.20","quantity":"1000.5",
             "minOrder":"100","maxOrder":"5000","paymentMethods":["ALIPAY","BANK_TRANSFER"]}""";

    @Test
    void postedAdIsStoredAndItsEventPublished() {
        try (TopicProbe events = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String id = given().contentType(ContentType.JSON).header("X-User-Id", "merchant-1").body(AD)
                    .when().post("/api/v1/ads")
                    .then().statusCode(201)
                    .body("status", equalTo("PENDING_FUNDING"))
                    .body("price", equalTo(7.20f))
                    .body("paymentWindowMinutes", equalTo(15))
                    .extract().path("id");

            assertEquals(1000_500000L, TestDatabase.queryLong("select quantity_micros from ad where id = '" + id + "'"));
            assertEquals(720L, TestDatabase.queryLong("select price_minor from ad where id = '" + id + "'"));

            ConsumedEvent event = events.await(e -> id.equals(e.cloudEvent().get("subject")), Duration.ofSeconds(20));
            assertEquals(EventTypes.AD_POSTED, event.type());
            assertEquals("USDT-CNY", event.key());
            assertEquals("/c2c/order-service", event.cloudEvent().get("source"));
            assertTrue(event.data().contains("\"quantityMicros\":1000500000"), event.data());
            assertTrue(event.data().contains("\"priceMinor\":720"), event.data());
        }
    }

    @Test
    void badAmountIsRefusedWithProblemNamingTheFieldAndStoresNothing() {
        long before = TestDatabase.queryLong("select count(*) from ad");
        given().contentType(ContentType.JSON).header("X-User-Id", "merchant-1")
                .body(AD.replace("\"7.20\"", "\"7.205\""))
                .when().post("/api/v1/ads")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("price"));
        given().contentType(ContentType.JSON).header("X-User-Id", "merchant-1")
                .body(AD.replace("\"side\":\"SELL\",", ""))
                .when().post("/api/v1/ads")
                .then().statusCode(400)
                .body("errors.field", hasItem("side"));
        given().contentType(ContentType.JSON).header("X-User-Id", "merchant-1")
                .body(AD.replace("\"CNY\"", "\"XYZ\""))
                .when().post("/api/v1/ads")
                .then().statusCode(400)
                .body("errors.field", hasItem("fiat"));
        assertEquals(before, TestDatabase.queryLong("select count(*) from ad"));
    }

    @Test
    void callerWithoutIdentityIsRefused() {
        given().contentType(ContentType.JSON).body(AD)
                .when().post("/api/v1/ads")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void readinessIsUpWithDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
    }
}
