package com.c2c.chain.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.chain.scan.StepReaderTest.MemoryNode;
import com.c2c.chain.scan.domain.BackfillWindow;
import com.c2c.chain.scan.domain.LogRange;
import com.c2c.chain.scan.domain.PendingBackfill;
import com.c2c.chain.scan.domain.TokenTransfer;
import com.c2c.chain.scan.node.ChainNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The backfill's ranges against a node held in memory, and the window an address added late gets. */
class BackfillReaderTest {
    private static final ScannedChain CHAIN = new ScannedChain("test", 1, "0x" + "aa".repeat(20), 3, 6);
    private static final String ALICE = "0x" + "a1".repeat(20);
    private static final String BOB = "0x" + "b0".repeat(20);
    private static final String CAROL = "0x" + "c0".repeat(20);

    private static TokenTransfer pay(MemoryNode node, String to, long block, int logIndex) {
        TokenTransfer t = new TokenTransfer("0x" + String.format("%064x", block * 100 + logIndex), logIndex, block,
                MemoryNode.hash("a", block), CHAIN.tokenContract(), "0x" + "22".repeat(20), to, BigInteger.TEN);
        node.transfers.add(t);
        return t;
    }

    @Test
    void theWindowEndsAtTheCursorAndReachesBackAtMostTheConfiguredBlocksNeverBeforeTheStart() {
        assertEquals(Optional.of(new BackfillWindow(901, 1000)), BackfillWindow.forAddressAddedAt(1000, 0, 100));
        assertEquals(100, BackfillWindow.forAddressAddedAt(1000, 0, 100).orElseThrow().blocks());
        assertEquals(Optional.of(new BackfillWindow(950, 1000)), BackfillWindow.forAddressAddedAt(1000, 950, 100));
        assertEquals(Optional.of(new BackfillWindow(0, 5)), BackfillWindow.forAddressAddedAt(5, 0, 10_000));
        assertEquals(Optional.of(new BackfillWindow(7, 7)), BackfillWindow.forAddressAddedAt(7, 7, 10));
        // nothing read yet (the cursor is before the start block, or -1), or backfilling turned off
        assertEquals(Optional.empty(), BackfillWindow.forAddressAddedAt(-1, 0, 100));
        assertEquals(Optional.empty(), BackfillWindow.forAddressAddedAt(949, 950, 100));
        assertEquals(Optional.empty(), BackfillWindow.forAddressAddedAt(1000, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new BackfillWindow(5, 4));
    }

    @Test
    void readsFromTheLowestPendingBlockOneRangeAndMovesOnlyTheAddressesItCovered() throws IOException {
        MemoryNode node = new MemoryNode(200);
        TokenTransfer aliceEarly = pay(node, ALICE, 12, 0);
        pay(node, ALICE, 9, 0); // before her window: not missed
        TokenTransfer bobInRange = pay(node, BOB, 18, 1);
        pay(node, CAROL, 15, 0); // Carol's window starts later
        pay(node, "0x" + "dd".repeat(20), 14, 0); // not pending at all
        BackfillReader reader = new BackfillReader(CHAIN, node, new LogRange(10));
        List<PendingBackfill> batch = List.of(new PendingBackfill(ALICE, 10, 100), new PendingBackfill(BOB, 15, 18),
                new PendingBackfill(CAROL, 60, 100));

        BackfillPlan plan = reader.read(batch, 150);

        assertEquals(10, plan.from());
        assertEquals(19, plan.to());
        assertEquals(List.of(aliceEarly, bobInRange), plan.transfers());
        assertEquals(List.of(new BackfillPlan.Progress(ALICE, 10, 20L), new BackfillPlan.Progress(BOB, 15, null)),
                plan.progress(), "Alice moves on to 20, Bob (15..18) is done, Carol (from 60) is untouched");
        assertEquals(1, plan.finished());
    }

    @Test
    void aTransferPastAnAddressesOwnWindowIsTheForwardScansNotTheBackfills() throws IOException {
        MemoryNode node = new MemoryNode(200);
        pay(node, BOB, 30, 0); // Bob was watched from block 21 on: the forward scan saw this one
        TokenTransfer alice = pay(node, ALICE, 30, 1);
        BackfillPlan plan = new BackfillReader(CHAIN, node, new LogRange(100))
                .read(List.of(new PendingBackfill(ALICE, 10, 40), new PendingBackfill(BOB, 10, 20)), 150);
        assertEquals(40, plan.to(), "up to the last block any of them needs");
        assertEquals(List.of(alice), plan.transfers());
        assertTrue(plan.progress().stream().allMatch(BackfillPlan.Progress::done));
    }

    @Test
    void neverReadsPastTheCursorAndWaitsWhenTheCursorWentBackBelowTheWindow() throws IOException {
        MemoryNode node = new MemoryNode(200);
        BackfillReader reader = new BackfillReader(CHAIN, node, new LogRange(1000));
        BackfillPlan plan = reader.read(List.of(new PendingBackfill(ALICE, 10, 100)), 50);
        assertEquals(50, plan.to());
        assertEquals(List.of(new BackfillPlan.Progress(ALICE, 10, 51L)), plan.progress());
        assertNull(reader.read(List.of(new PendingBackfill(ALICE, 51, 100)), 50), "cursor at 50 after a reorg");
        assertNull(reader.read(List.of(), 50));
    }

    @Test
    void aRefusedRangeIsHalvedAndGrowsBackAsForwardRangesDo() throws IOException {
        MemoryNode node = new MemoryNode(10_000);
        node.widest = 300;
        LogRange range = new LogRange(2000);
        BackfillReader reader = new BackfillReader(CHAIN, node, range);
        long from = 0;
        List<long[]> ranges = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            BackfillPlan plan = reader.read(List.of(new PendingBackfill(ALICE, from, 9_000)), 9_999);
            ranges.add(new long[] {plan.from(), plan.to()});
            from = plan.to() + 1;
        }
        assertEquals(249, ranges.getFirst()[1], "2000 → 1000 → 500 → 250 blocks");
        // four calls for the first range, one for each next; after four answers in a row it asks for 500 again
        // (the fifth range), which is refused once and halved back
        assertEquals(4 + 1 + 1 + 1 + 2 + 1, node.logCalls.size());
        assertEquals(List.of(250L, 250L, 250L, 250L, 250L, 250L),
                ranges.stream().map(r -> r[1] - r[0] + 1).toList());
        assertEquals(250, range.blocks());
    }

    @Test
    void aNodeThatCannotBeReachedIsAnOutageAndNothingMoves() {
        MemoryNode node = new MemoryNode(100);
        node.down = true;
        LogRange range = new LogRange(50);
        assertThrows(java.net.ConnectException.class, () -> new BackfillReader(CHAIN, node, range)
                .read(List.of(new PendingBackfill(ALICE, 0, 90)), 100));
        assertEquals(50, range.blocks());
        node.down = false;
        node.widest = 0;
        assertThrows(ChainNode.RangeRefused.class, () -> new BackfillReader(CHAIN, node, new LogRange(4))
                .read(List.of(new PendingBackfill(ALICE, 0, 90)), 100));
    }

    @Test
    void aBatchIsBoundedByTheTopicFilterSize() {
        List<PendingBackfill> tooMany = IntStream.rangeClosed(0, BackfillReader.ADDRESSES_PER_QUERY)
                .mapToObj(i -> new PendingBackfill(String.format("0x%040x", i), 0, 10)).toList();
        assertThrows(IllegalArgumentException.class,
                () -> new BackfillReader(CHAIN, new MemoryNode(10), new LogRange(5)).read(tooMany, 10));
    }
}
