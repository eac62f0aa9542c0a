package com.c2c.chain.scan;

import static com.c2c.chain.scan.ChainFixture.WAIT;
import static com.c2c.chain.scan.ChainFixture.assign;
import static com.c2c.chain.scan.ChainFixture.chain;
import static com.c2c.chain.scan.ChainFixture.data;
import static com.c2c.chain.scan.ChainFixture.freshAddress;
import static com.c2c.chain.scan.ChainFixture.is;
import static com.c2c.chain.scan.ChainFixture.outboxCount;
import static com.c2c.chain.scan.ChainFixture.stateOf;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.As;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Addresses that start being watched after the scanner read blocks holding transfers to them (the wallet's
 * assignment delayed, an admin watching an address already paid): those blocks are read again, on a real Anvil
 * node, and each deposit is announced once per state, whatever is added twice or restarted.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_chain"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = FreshTopicResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.wallet-events"))
@QuarkusTestResource(value = AnvilChainResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "confirmations", value = "2"), @ResourceArg(name = "max-range", value = "2"),
        @ResourceArg(name = "backfill-blocks", value = "60")})
class LateAddressTest {
    private static final int BACKFILL_BLOCKS = 60;

    @Inject
    ChainScanners scanners;
    @Inject
    StepWriter writer;

    private long cursor() {
        return scanners.status(31337).orElseThrow().cursor();
    }

    private long scannedToHead() {
        long head = chain().blockNumber();
        await("scanned to " + head).atMost(WAIT).until(() -> cursor() >= head);
        return head;
    }

    private static Long backfillFrom(String address) {
        String from = TestDatabase.queryString("select backfill_from::text from watched_address where address = '"
                + address + "'");
        return from == null ? null : Long.valueOf(from);
    }

    private static void awaitBackfilled(String address) {
        await("backfill of " + address + " done").atMost(WAIT).until(() -> TestDatabase.queryLong(
                "select count(*) from watched_address where address = '" + address + "' and backfill_from is null") == 1);
    }

    private static long count(String type, String txHash, TopicProbe events) {
        return events.seen().stream().filter(e -> is(e, type, txHash)).count();
    }

    @Test
    void aDepositPaidBeforeTheAddressWasWatchedIsDetectedAndConfirmedOnce() {
        String address = freshAddress();
        try (TopicProbe events = TopicProbe.open(Topics.CHAIN_EVENTS)) {
            String tx = chain().transfer(0, address, 5_000_000L);
            long block = chain().receipt(tx).getBlockNumber().longValueExact();
            chain().mine(5);
            long head = scannedToHead();
            assertNull(stateOf(tx), "not watched yet: passed over");

            // an admin watches it (the wallet's assignment takes the same path, below)
            var added = As.user("ops1", "admin").contentType(ContentType.JSON)
                    .body("{\"address\":\"" + address + "\",\"ownerId\":\"late-alice\"}")
                    .when().post("/api/v1/chains/31337/addresses").then().statusCode(201).extract().jsonPath();
            long to = added.getLong("backfillTo");
            assertTrue(to >= head, "the window ends at the cursor the address was added at: " + to);
            assertEquals(Math.max(0, to - BACKFILL_BLOCKS + 1), added.getLong("backfillFrom"),
                    "... and reaches back backfill-blocks");

            ConsumedEvent detected = events.await(e -> is(e, EventTypes.DEPOSIT_DETECTED, tx), WAIT);
            assertEquals(address, detected.key());
            assertEquals(block, data(detected).path("blockNumber").asLong());
            assertEquals(5_000_000L, data(detected).path("amountMicros").asLong());
            assertEquals("late-alice", data(detected).path("ownerId").asText());
            // already deeper than the confirmations when found: final at once
            ConsumedEvent confirmed = events.await(e -> is(e, EventTypes.DEPOSIT_CONFIRMED, tx), WAIT);
            assertTrue(data(confirmed).path("confirmations").asInt() >= 6, confirmed.data());
            assertEquals("CONFIRMED", stateOf(tx));
            awaitBackfilled(address);

            // watched again: by the wallet (a new event), by an admin for the same owner; and the chain goes on
            assign(address, "late-alice");
            As.user("ops1", "admin").contentType(ContentType.JSON)
                    .body("{\"address\":\"" + address + "\",\"ownerId\":\"late-alice\"}")
                    .when().post("/api/v1/chains/31337/addresses").then().statusCode(200)
                    .body("backfillFrom", equalTo(null));
            chain().mine(3);
            scannedToHead();
            assertNull(backfillFrom(address), "watching it again reads nothing again");
            assertEquals(1, outboxCount(EventTypes.DEPOSIT_DETECTED, tx));
            assertEquals(1, outboxCount(EventTypes.DEPOSIT_CONFIRMED, tx));
            await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> count(EventTypes.DEPOSIT_DETECTED, tx, events)
                    == 1 && count(EventTypes.DEPOSIT_CONFIRMED, tx, events) == 1);
        }
        As.user("ops1", "admin").queryParam("state", "CONFIRMED").when().get("/api/v1/chains/31337/deposits")
                .then().statusCode(200).body("items.find { it.toAddress == '" + address + "' }.amount", equalTo(5.0f));
    }

    @Test
    void aDepositFoundInsideTheUnconfirmedWindowIsConfirmedAtItsDepthNotBefore() {
        scannedToHead();
        String address = freshAddress();
        String tx = chain().transfer(0, address, 2_000_000L); // its block is the head: one confirmation of two
        scannedToHead();
        assign(address, "late-bob");
        awaitBackfilled(address);
        assertEquals("DETECTED", stateOf(tx));
        assertEquals(1, outboxCount(EventTypes.DEPOSIT_DETECTED, tx));
        assertEquals(0, outboxCount(EventTypes.DEPOSIT_CONFIRMED, tx));

        chain().mine(1); // the forward scan confirms it, as any other
        await().atMost(WAIT).until(() -> "CONFIRMED".equals(stateOf(tx)));
        assertEquals(1, outboxCount(EventTypes.DEPOSIT_CONFIRMED, tx));
    }

    @Test
    void aBackfilledDepositWhoseBlockAReorgReplacesIsRevertedAndNeverConfirmed() {
        scannedToHead();
        String address = freshAddress();
        String tx = chain().transfer(0, address, 6_000_000L);
        scannedToHead();
        assign(address, "late-frank");
        awaitBackfilled(address);
        assertEquals("DETECTED", stateOf(tx), "found by the backfill, one confirmation of two");

        chain().reorg(1); // replaces the deposit's block: the transfer is gone
        await().atMost(WAIT).until(() -> "REVERTED".equals(stateOf(tx)));
        chain().mine(4);
        scannedToHead();
        assertEquals("REVERTED", stateOf(tx));
        assertEquals(1, outboxCount(EventTypes.DEPOSIT_DETECTED, tx));
        assertEquals(1, outboxCount(EventTypes.DEPOSIT_REVERTED, tx));
        assertEquals(0, outboxCount(EventTypes.DEPOSIT_CONFIRMED, tx));
    }

    @Test
    void transfersOlderThanTheBackfillBlocksAreNotReadAgain() {
        String address = freshAddress();
        String old = chain().transfer(0, address, 1_000_000L);
        chain().mine(BACKFILL_BLOCKS + 5);
        String recent = chain().transfer(0, address, 3_000_000L);
        chain().mine(2);
        scannedToHead();
        assign(address, "late-carol");
        awaitBackfilled(address);
        assertEquals("CONFIRMED", stateOf(recent));
        assertNull(stateOf(old), "beyond backfill-blocks: for an operator, never read again");
    }

    @Test
    void aDepositTheForwardScanAlreadyRecordedIsNotAnnouncedAgainByABackfill() {
        String address = freshAddress();
        assign(address, "dave");
        String tx = chain().transfer(0, address, 4_000_000L);
        chain().mine(2);
        await().atMost(WAIT).until(() -> "CONFIRMED".equals(stateOf(tx)));
        long block = chain().receipt(tx).getBlockNumber().longValueExact();
        // the same blocks read again for it (as after a reorg walked the cursor back below a window's end)
        assertEquals(1, TestDatabase.update("update watched_address set backfill_from = " + Math.max(0, block - 3)
                + ", backfill_to = " + block + " where address = '" + address + "'"));
        awaitBackfilled(address);
        chain().mine(2);
        scannedToHead();
        assertEquals(1, outboxCount(EventTypes.DEPOSIT_DETECTED, tx));
        assertEquals(1, outboxCount(EventTypes.DEPOSIT_CONFIRMED, tx));
        assertEquals("CONFIRMED", stateOf(tx));
    }

    @Test
    void aBackfillKilledHalfWayResumesWithNoDuplicateAndNoGap() {
        String address = freshAddress();
        List<String> txs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            txs.add(chain().transfer(0, address, 1_000_000L + i));
            chain().mine(6);
        }
        long head = scannedToHead();
        assertTrue(head - chain().receipt(txs.getFirst()).getBlockNumber().longValueExact() < BACKFILL_BLOCKS);

        scanners.stopScanning(); // so that the window can be read before any of it is
        assign(address, "late-erin");
        long from = TestDatabase.queryLong("select backfill_from from watched_address where address = '" + address + "'");
        long to = TestDatabase.queryLong("select backfill_to from watched_address where address = '" + address + "'");
        assertEquals(BACKFILL_BLOCKS, to - from + 1, "30 ranges of 2 blocks: " + from + ".." + to);
        writer.dieBeforeNextBackfillCommit();
        scanners.startScanning();
        // one range dies after all its writes, before its commit; then the scanner is killed half way, wherever
        // it is, and started again at once while its last range may still be committing
        await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> {
            Long at = backfillFrom(address);
            return at == null || at >= from + 16;
        });
        assertFalse(writer.willDieBeforeNextBackfillCommit(), "a backfill range died before its commit");
        scanners.killScanning();
        Long stoppedAt = backfillFrom(address);
        assertTrue(stoppedAt != null && stoppedAt <= to, "killed before the end: " + stoppedAt + " of " + to);
        As.user("ops1", "admin").when().get("/api/v1/chains").then().statusCode(200)
                .body("[0].pendingBackfills", equalTo(1)).body("[0].pendingBackfillBlocks", greaterThan(0));

        scanners.startScanning();
        awaitBackfilled(address);
        for (String tx : txs) {
            assertEquals("CONFIRMED", stateOf(tx), tx);
            assertEquals(1, outboxCount(EventTypes.DEPOSIT_DETECTED, tx), "detected once: " + tx);
            assertEquals(1, outboxCount(EventTypes.DEPOSIT_CONFIRMED, tx), "confirmed once: " + tx);
        }
        assertEquals(8, TestDatabase.queryLong("select count(*) from deposit where to_address = '" + address + "'"));
        await().atMost(WAIT).untilAsserted(() -> As.user("ops1", "admin").when().get("/api/v1/chains").then()
                .body("[0].pendingBackfills", equalTo(0)).body("[0].pendingBackfillBlocks", equalTo(0)));
        // the gauge is exported (ChainStatus rebinds it to the running app when several start in one JVM); its value
        // is the REST answer's, asserted exactly above
        assertTrue(given().when().get("/q/metrics").then().statusCode(200).extract().asString()
                .contains("c2c_chain_backfill_pending_addresses{chain=\"local\"}"));
    }
}
