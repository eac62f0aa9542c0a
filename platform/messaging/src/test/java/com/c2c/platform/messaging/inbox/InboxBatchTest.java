package com.c2c.platform.messaging.inbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A batch may hold several consumers' records (a service reads all its topics through one Kafka consumer, ADR
 * 0021): each consumer applies an event once, in its own inbox namespace, whatever the others did.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_messaging"))
@QuarkusTestResource(FreshTopicResource.class)
class InboxBatchTest {

    @Test
    void eachConsumerAppliesAnEventOnceInItsOwnNamespace() {
        String id = UUID.randomUUID().toString();
        given().post("/test/inbox/mixed?id=" + id).then().statusCode(200)
                .body("count", equalTo(2))
                .body("ran", contains("test.a", "test.b"));
        assertEquals(2, TestDatabase.queryLong(
                "select count(*) from inbox_event where event_id = '" + id + "' and consumer in ('test.a', 'test.b')"));
        // delivered again: both already applied it
        given().post("/test/inbox/mixed?id=" + id).then().statusCode(200)
                .body("count", equalTo(0))
                .body("ran", empty());
    }
}
