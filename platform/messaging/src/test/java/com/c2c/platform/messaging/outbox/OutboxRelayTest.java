package com.c2c.platform.messaging.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The outbox and inbox against the real PostgreSQL and Kafka: a relay that dies after the broker
 * acknowledged but before the rows were marked loses nothing (the rows are sent again), and the
 * consumer that then receives every event twice applies each once.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_messaging"))
@QuarkusTestResource(FreshTopicResource.class)
class OutboxRelayTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    RecordingConsumer consumer;

    @Test
    void crashBetweenPublishAndMarkLosesNothingAndDuplicatesAreAppliedOnce() {
        given().post("/test/events?count=4").then().statusCode(200).body(equalTo("4"));
        assertEquals(4, pending());

        // The relay dies after Kafka acknowledged the batch: the rows stay pending.
        given().post("/test/relay?crash=true").then().statusCode(200).body(equalTo("-1"));
        assertEquals(4, pending());
        await().atMost(DEADLINE).until(() -> consumer.handled() == 4);
        assertEquals(4, TestDatabase.queryLong("select count(*) from applied_effect"));

        // The next run sends the same four events again and marks them.
        given().post("/test/relay").then().statusCode(200).body(equalTo("4"));
        assertEquals(0, pending());
        await().atMost(DEADLINE).until(() -> consumer.handled() == 8);
        assertEquals(4, TestDatabase.queryLong("select count(*) from applied_effect"));
        assertEquals(4, TestDatabase.queryLong("select count(*) from inbox_event where consumer = 'test.recorder'"));

        // Nothing is left to send.
        given().post("/test/relay").then().statusCode(200).body(equalTo("0"));
    }

    @Test
    void eventsOfARolledBackChangeAreNeverPublished() {
        long rows = TestDatabase.queryLong("select count(*) from outbox_event");
        given().post("/test/events?count=2&fail=true").then().statusCode(500);
        assertEquals(rows, TestDatabase.queryLong("select count(*) from outbox_event"));
    }

    private static long pending() {
        return TestDatabase.queryLong("select count(*) from outbox_event where published_at is null");
    }
}
