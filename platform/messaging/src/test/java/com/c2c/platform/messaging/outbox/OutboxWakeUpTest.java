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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The running relay is woken by the commit itself: with the safety-net poll set to an hour, events
 * still reach Kafka (and the consumer) within seconds, which only the commit notification can do.
 */
@QuarkusTest
@TestProfile(OutboxWakeUpTest.RelayPollsHourly.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_messaging"))
@QuarkusTestResource(FreshTopicResource.class)
class OutboxWakeUpTest {

    public static class RelayPollsHourly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("c2c.outbox.relay-enabled", "true", "c2c.outbox.poll-interval", "1h");
        }
    }

    @Inject
    RecordingConsumer consumer;

    @Test
    void committedEventsArePublishedWithoutWaitingForThePoll() {
        // Let the relay's first (startup) run pass, so the next one can only come from a wake-up.
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        given().post("/test/events?count=3").then().statusCode(200).body(equalTo("3"));
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.handled() == 3);
        assertEquals(0, TestDatabase.queryLong("select count(*) from outbox_event where published_at is null"));

        given().post("/test/events?count=2").then().statusCode(200).body(equalTo("2"));
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.handled() == 5);
    }
}
