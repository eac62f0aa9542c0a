package com.c2c.platform.messaging.outbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A request whose database connection is cut the way a PostgreSQL restart cuts it (the server
 * terminates the backend: SQLSTATE 57P01), or that finds no free pooled connection in time, answers 503
 * with Retry-After, never 500; a failure no mapper knows still answers an RFC 9457 problem.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_messaging"))
class OutageAnswerTest {

    @Test
    void aConnectionCutByTheServerAnswers503WithRetryAfter() {
        CompletableFuture<io.restassured.response.Response> answer =
                CompletableFuture.supplyAsync(() -> given().get("/test/slow?seconds=20"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> TestDatabase.queryLong(
                "select count(*) from pg_stat_activity where query like 'select 1 from pg_sleep%'") > 0);
        TestDatabase.queryLong("select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity"
                + " where query like 'select 1 from pg_sleep%' and pid <> pg_backend_pid()) t");
        answer.join().then().statusCode(503)
                .header("Retry-After", "2")
                .body("type", endsWith("unavailable"))
                .body("status", equalTo(503));
    }

    /** Seen at 100 trades/s offered: order placement waited for a pooled connection and then answered 500. */
    @Test
    void thePoolGivingUpWaitingForAConnectionAnswers503WithRetryAfter() {
        given().get("/test/fail?with=pool-timeout").then().statusCode(503)
                .header("Retry-After", "2")
                .contentType("application/problem+json")
                .body("type", endsWith("unavailable"));
    }

    @Test
    void aFailureThatIsNotAnExceptionStillAnswersAProblem() {
        given().get("/test/fail?with=throwable").then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", endsWith("internal"))
                .body("detail", equalTo("the request could not be completed; nothing was changed"));
    }
}
