package com.c2c.chain.address;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.events.EventCatalog;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The wallet's DepositAddressAssigned, fed through a topic of this test's own, becomes a watched address once. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_chain"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = FreshTopicResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.wallet-events"))
class AddressAssignmentTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "c2c.in.wallet-events")
    String topic;
    @Inject
    MeterRegistry meters;

    private static String freshAddress() {
        byte[] bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    private void assign(TestEvents events, String address, String owner, long chainId) {
        events.publish(topic, owner, UUID.randomUUID().toString(), EventCatalog.DEPOSIT_ADDRESS_ASSIGNED.name(),
                "{\"chainId\":" + chainId + ",\"address\":\"" + address + "\",\"ownerId\":\"" + owner
                        + "\",\"addressIndex\":7}");
    }

    private double deadLetters() {
        var counter = meters.find("c2c.messaging.dead.letters").tag("consumer", "chain.wallet-events")
                .tag("reason", "invalid").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anAssignedAddressIsWatchedOnceAndAnotherOwnersClaimIsDeadLettered() {
        String address = freshAddress();
        String where = "select count(*) from watched_address where address = '" + address + "'";
        double refused = deadLetters();
        try (TestEvents events = new TestEvents(); TopicProbe chain = TopicProbe.open(Topics.CHAIN_EVENTS)) {
            assign(events, address, "frank", 31337);
            chain.await(e -> address.equals(e.key()) && EventTypes.ADDRESS_WATCHED.equals(e.type()), WAIT);
            assertEquals(1, TestDatabase.queryLong(where));
            assertEquals("frank", TestDatabase.queryString(
                    "select owner_id from watched_address where address = '" + address + "'"));

            assign(events, address, "frank", 31337); // again (a new event id): nothing changes
            assign(events, address, "mallory", 31337); // someone else's: can never be applied
            assign(events, freshAddress(), "frank", 1); // a chain not followed
            await().atMost(WAIT).until(() -> deadLetters() == refused + 2);
            assertEquals(1, TestDatabase.queryLong(where));
            assertEquals("frank", TestDatabase.queryString(
                    "select owner_id from watched_address where address = '" + address + "'"));
            assertEquals(1, chain.seen().stream().filter(e -> address.equals(e.key())).count());
        }
    }
}
