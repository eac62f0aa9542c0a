package com.c2c.chain.scan;

import static com.c2c.chain.scan.ChainFixture.WAIT;
import static com.c2c.chain.scan.ChainFixture.assign;
import static com.c2c.chain.scan.ChainFixture.chain;
import static com.c2c.chain.scan.ChainFixture.data;
import static com.c2c.chain.scan.ChainFixture.freshAddress;
import static com.c2c.chain.scan.ChainFixture.is;
import static com.c2c.chain.scan.ChainFixture.outboxCount;
import static com.c2c.chain.scan.ChainFixture.stateOf;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.As;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Reorgs on a real Anvil node ({@code anvil_reorg}: the last blocks replaced by new ones without the
 * transactions). Anvil reports no removed logs; the watcher finds the reorg by block hashes.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_chain"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = FreshTopicResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.wallet-events"))
@QuarkusTestResource(value = AnvilChainResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "confirmations", value = "4"), @ResourceArg(name = "reorg-watch-depth", value = "10")})
class ReorgTest {
    @Inject
    ChainScanners scanners;
    @Inject
    MeterRegistry meters;

    private void awaitScannedToHead() {
        long head = chain().blockNumber();
        await("scanned to " + head).atMost(WAIT).until(() -> scanners.status(31337).orElseThrow().cursor() == head);
    }

    private double counter(String name) {
        var counter = meters.find(name).tag("chain", "local").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aReorgBeforeConfirmationRevertsThePendingDepositAndItIsNeverConfirmed() {
        String address = freshAddress();
        assign(address, "carol");
        double reorgs = counter("c2c.chain.reorgs");
        try (TopicProbe events = TopicProbe.open(Topics.CHAIN_EVENTS)) {
            String tx = chain().transfer(0, address, 5_000_000L);
            long block = chain().receipt(tx).getBlockNumber().longValueExact();
            chain().mine(1);
            events.await(e -> is(e, EventTypes.DEPOSIT_DETECTED, tx), WAIT);
            awaitScannedToHead();

            chain().reorg(2); // replaces the deposit's block and the one after it; the transfer is gone
            ConsumedEvent reverted = events.await(e -> is(e, EventTypes.DEPOSIT_REVERTED, tx), WAIT);
            assertEquals(address, reverted.key());
            assertEquals(block, data(reverted).path("blockNumber").asLong());
            assertEquals(5_000_000L, data(reverted).path("amountMicros").asLong());
            assertTrue(data(reverted).path("reason").asText().contains("reorg"), reverted.data());
            assertEquals("REVERTED", stateOf(tx));

            chain().mine(8); // far past the depth: a reverted deposit is never confirmed
            awaitScannedToHead();
            assertEquals("REVERTED", stateOf(tx));
            assertEquals(0, outboxCount(EventTypes.DEPOSIT_CONFIRMED, tx));
            assertEquals(1, outboxCount(EventTypes.DEPOSIT_DETECTED, tx));
            assertEquals(1, outboxCount(EventTypes.DEPOSIT_REVERTED, tx));
            assertTrue(counter("c2c.chain.reorgs") > reorgs);
        }
    }

    @Test
    void aReorgDeeperThanTheDepthAfterConfirmationAlertsAndPutsTheDepositBeforeAnOperator() {
        String address = freshAddress();
        assign(address, "dave");
        double deep = counter("c2c.chain.deep.reorgs");
        try (TopicProbe events = TopicProbe.open(Topics.CHAIN_EVENTS)) {
            String tx = chain().transfer(0, address, 9_000_000L);
            long block = chain().receipt(tx).getBlockNumber().longValueExact();
            chain().mine(4);
            events.await(e -> is(e, EventTypes.DEPOSIT_CONFIRMED, tx), WAIT);
            awaitScannedToHead();
            int depth = (int) (chain().blockNumber() - block + 1); // its block and the four after it

            chain().reorg(depth);
            ConsumedEvent reorged = events.await(e -> is(e, EventTypes.CONFIRMED_DEPOSIT_REORGED, tx), WAIT);
            assertEquals(address, reorged.key());
            assertEquals(9_000_000L, data(reorged).path("amountMicros").asLong());
            assertEquals("dave", data(reorged).path("ownerId").asText());
            assertEquals(depth, data(reorged).path("depth").asInt());
            assertEquals("REORGED", stateOf(tx));
            await("the deep-reorg alert counted").atMost(WAIT).until(() -> counter("c2c.chain.deep.reorgs") == deep + 1);

            As.user("ops1", "admin").queryParam("state", "REORGED").when().get("/api/v1/chains/31337/deposits")
                    .then().statusCode(200).body("items.txHash", hasItem(tx));
            // nothing is undone or announced again by itself
            chain().mine(8);
            awaitScannedToHead();
            assertEquals("REORGED", stateOf(tx));
            assertEquals(1, outboxCount(EventTypes.DEPOSIT_CONFIRMED, tx));
            assertEquals(0, outboxCount(EventTypes.DEPOSIT_REVERTED, tx));
        }
    }
}
