package com.c2c.chain.scan;

import static com.c2c.chain.scan.ChainFixture.WAIT;
import static com.c2c.chain.scan.ChainFixture.assign;
import static com.c2c.chain.scan.ChainFixture.chain;
import static com.c2c.chain.scan.ChainFixture.freshAddress;
import static com.c2c.chain.scan.ChainFixture.outboxCount;
import static com.c2c.chain.scan.ChainFixture.stateOf;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scanner down while the chain moves on, then killed twice in the middle of catching up (and one of its
 * steps dying after all its writes, before its commit), resumes from its stored cursor each time: every
 * deposit announced once per state, none missed.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_chain"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = FreshTopicResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.wallet-events"))
@QuarkusTestResource(value = AnvilChainResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "confirmations", value = "2"), @ResourceArg(name = "max-range", value = "3")})
class ResumeTest {
    @Inject
    ChainScanners scanners;
    @Inject
    StepWriter writer;

    private long cursor() {
        return scanners.status(31337).orElseThrow().cursor();
    }

    @Test
    void killedMidStreamItResumesFromItsCursorWithNoDuplicateAndNoGap() {
        List<String> addresses = List.of(freshAddress(), freshAddress(), freshAddress());
        for (int i = 0; i < addresses.size(); i++) {
            assign(addresses.get(i), "owner-" + i);
        }
        long start = chain().blockNumber();
        await().atMost(WAIT).until(() -> cursor() >= start);

        scanners.stopScanning(); // down: the chain goes on without it
        List<String> txs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            txs.add(chain().transfer(0, addresses.get(i % 3), 1_000_000L + i));
            chain().mine(2);
        }
        long head = chain().blockNumber();
        assertTrue(head - start >= 36, "about 36 blocks to catch up, three at a time");

        scanners.startScanning();
        writer.dieBeforeNextCommit();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> cursor() >= start + 9);
        assertTrue(!writer.willDieBeforeNextCommit(), "a step died after its writes, before its commit");
        // killed half way through, wherever it is (between two steps, in a node call, in a transaction), and
        // started again at once, while the old step may still be committing
        scanners.killScanning();
        scanners.startScanning();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> cursor() >= start + 18);
        scanners.killScanning();
        long stoppedAt = TestDatabase.queryLong("select cursor_block from chain_cursor where chain_id = 31337");
        assertTrue(stoppedAt < head, "killed before the head: " + stoppedAt + " of " + head);

        scanners.startScanning();
        await("caught up").atMost(WAIT).until(() -> cursor() == head);
        for (String tx : txs) {
            assertEquals("CONFIRMED", stateOf(tx), tx);
            assertEquals(1, outboxCount(EventTypes.DEPOSIT_DETECTED, tx), "detected once: " + tx);
            assertEquals(1, outboxCount(EventTypes.DEPOSIT_CONFIRMED, tx), "confirmed once: " + tx);
        }
        assertEquals(12, TestDatabase.queryLong("select count(*) from deposit where chain_id = 31337"));
    }
}
