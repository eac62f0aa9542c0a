package com.c2c.chain.address;

import com.c2c.testkit.As;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** REST call → row in c2c_chain → CloudEvent on c2c.chain.events.v1, against the real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_chain"))
@QuarkusTestResource(KafkaResource.class)
class WatchWiringTest {
    /** An address of this test run alone (the hostile-input sweep watches the documented example one). */
    private static final String ADDRESS = "0xA" + java.util.HexFormat.of().formatHex(
            java.nio.ByteBuffer.allocate(20).putLong(System.nanoTime()).putLong(new java.util.Random().nextLong()).array())
            .substring(1, 40);

    @Test
    void watchedAddressIsStoredLowerCaseAndAnnouncedOnce() {
        String lower = ADDRESS.toLowerCase();
        try (TopicProbe events = TopicProbe.open(Topics.CHAIN_EVENTS)) {
            As.user("ops1", "admin").contentType(ContentType.JSON)
                    .body("{\"address\":\"" + ADDRESS + "\",\"ownerId\":\"alice\"}")
                    .when().post("/api/v1/chains/31337/addresses")
                    .then().statusCode(201)
                    .body("address", equalTo(lower));
            As.user("ops1", "admin").contentType(ContentType.JSON)
                    .body("{\"address\":\"" + lower + "\",\"ownerId\":\"alice\"}")
                    .when().post("/api/v1/chains/31337/addresses")
                    .then().statusCode(200);

            assertEquals(1L, TestDatabase.queryLong("select count(*) from watched_address where address = '" + lower + "'"));
            ConsumedEvent event = events.await(e -> lower.equals(e.key()), Duration.ofSeconds(20));
            assertEquals(EventTypes.ADDRESS_WATCHED, event.type());
            assertEquals(1, events.seen().stream().filter(e -> lower.equals(e.key())).count());
        }
    }

    @Test
    void malformedAddressAndUnknownChainAreRefused() {
        As.user("ops1", "admin").contentType(ContentType.JSON)
                .body("{\"address\":\"0x1234\",\"ownerId\":\"alice\"}")
                .when().post("/api/v1/chains/31337/addresses")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("address"));
        As.user("ops1", "admin").contentType(ContentType.JSON)
                .body("{\"address\":\"" + ADDRESS + "\",\"ownerId\":\"alice\"}")
                .when().post("/api/v1/chains/1/addresses")
                .then().statusCode(400)
                .body("errors.field", hasItem("chainId"));
    }

    @Test
    void onlyAdminsWatchAddresses() {
        String body = "{\"address\":\"" + ADDRESS + "\",\"ownerId\":\"alice\"}";
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/chains/31337/addresses")
                .then().statusCode(401).contentType("application/problem+json");
        As.user("ops2").contentType(ContentType.JSON).body(body).when().post("/api/v1/chains/31337/addresses")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void readinessIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
