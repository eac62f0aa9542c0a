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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The relay holds no database transaction while it waits for the broker: with the broker's
 * acknowledgements held back (by {@link HeldAcks}), no session of the database has a transaction
 * open that touched the outbox or the relay lock, and the rows are still pending; once the acks
 * arrive the rows are marked published. And without that transaction, the relay lock still keeps a
 * second replica off while the first one relays.
 */
@QuarkusTest
@TestProfile(OutboxRelayAckWaitTest.AcksCanBeHeld.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_messaging"))
@QuarkusTestResource(FreshTopicResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxRelayAckWaitTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    public static class AcksCanBeHeld implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.c2c-outbox.interceptor.classes", HeldAcks.class.getName());
        }
    }

    @Inject
    OutboxRelay relay;

    /** First: once this instance holds the lock it keeps it, so the other replica must come first. */
    @Test
    @Order(1)
    void whileAnotherReplicaHoldsTheRelayLockThisOneSendsNothing() throws SQLException {
        given().post("/test/events?count=2").then().statusCode(200).body(equalTo("2"));
        Config config = ConfigProvider.getConfig();
        try (Connection replica = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                Statement lock = replica.createStatement()) {
            lock.execute("select pg_advisory_lock(" + RelaySession.RELAY_LOCK + ")");
            assertEquals(0, relay.relayBatch().await().atMost(DEADLINE));
            assertEquals(2, pending());
        }
        // The other replica's session ended, and its lock with it: the server ends that session a moment after the
        // client closed it (on a busy machine the lock can still be held for the next try), so try until it is free.
        AtomicInteger relayed = new AtomicInteger();
        await().atMost(DEADLINE).until(() -> relayed.addAndGet(relay.relayBatch().await().atMost(DEADLINE)) >= 2);
        assertEquals(2, relayed.get());
        assertEquals(0, pending());
    }

    @Test
    @Order(2)
    void noTransactionIsOpenWhileTheBrokerAckIsPending() throws Exception {
        given().post("/test/events?count=3").then().statusCode(200).body(equalTo("3"));
        assertEquals(3, pending());

        CompletableFuture<Integer> batch;
        HeldAcks.hold();
        try {
            batch = relay.relayBatch().subscribeAsCompletionStage();
            await().atMost(DEADLINE).until(HeldAcks::holding);
            assertEquals(0, openRelayTransactions(), "a transaction of the relay is open while it waits for acks");
            assertEquals(3, pending());
        } finally {
            HeldAcks.release();
        }
        assertEquals(3, batch.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, pending());
    }

    /** Sessions in a transaction whose last statement read or wrote the outbox or took the relay lock. */
    private static long openRelayTransactions() {
        return TestDatabase.queryLong("""
                select count(*) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null
                  and (query like '%outbox_event%' or query like '%advisory%')""");
    }

    private static long pending() {
        return TestDatabase.queryLong("select count(*) from outbox_event where published_at is null");
    }
}
