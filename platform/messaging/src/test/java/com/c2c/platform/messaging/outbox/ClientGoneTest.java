package com.c2c.platform.messaging.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A client that hangs up while its request's transaction runs (a gateway or client timeout under load) leaves no
 * database connection behind: the transaction runs to its end and the connection goes back to the pool. Seen at
 * 100 trades/s offered (docs/performance.md): cancelled requests kept pooled connections with their transaction
 * open, the pool ran dry, and the service's consumers and REST calls waited for it until restarted.
 */
@QuarkusTest
@TestProfile(ClientGoneTest.SmallPool.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_messaging"))
class ClientGoneTest {
    private static final int CALLS = 24;
    private static final int POOL = 3;

    /** A pool the slow requests fill, so that the others also give up while they wait for a connection. */
    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", String.valueOf(POOL));
        }
    }

    @TestHTTPResource("/test/slow?seconds=1")
    URI slow;

    @Test
    void aClientThatHangsUpMidTransactionLeavesNoConnectionBehind() {
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < POOL; i++) { // patient clients holding every connection for a second
            calls.add(http.sendAsync(HttpRequest.newBuilder(slow).GET().build(), HttpResponse.BodyHandlers.discarding()));
        }
        for (int i = 0; i < CALLS; i++) {
            // Each gives up while the transaction's statement runs, at a different moment.
            HttpRequest request = HttpRequest.newBuilder(slow).timeout(Duration.ofMillis(100 + 35L * i)).GET().build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).exceptionally(gone -> null));
        }
        calls.forEach(CompletableFuture::join);

        await().atMost(Duration.ofSeconds(15)).until(() -> openTransactions() == 0);
        for (int i = 0; i < 2 * POOL; i++) { // every connection is back: none of these waits for the pool's timeout
            given().get("/test/slow?seconds=0").then().statusCode(200);
        }
        assertEquals(0, openTransactions());
    }

    /** The service's sessions inside a transaction: running the slow statement or left idle in it. */
    private static long openTransactions() {
        return TestDatabase.queryLong("""
                select count(*) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null""");
    }
}
