package com.c2c.chain.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.chain.scan.domain.BlockRef;
import com.c2c.chain.scan.domain.LogRange;
import com.c2c.chain.scan.domain.TokenTransfer;
import com.c2c.chain.scan.node.ChainNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One step read against a node held in memory: the pure part of the scanner. */
class StepReaderTest {
    private static final ScannedChain CHAIN = new ScannedChain("test", 1, "0x" + "aa".repeat(20), 3, 6);

    /** A chain whose block n has hash h(fork, n); the node refuses log ranges wider than {@code widest}. */
    static final class MemoryNode implements ChainNode {
        final List<String> forks = new ArrayList<>();
        final List<long[]> logCalls = new ArrayList<>();
        final List<TokenTransfer> transfers = new ArrayList<>();
        long head;
        int widest = Integer.MAX_VALUE;
        boolean down;

        MemoryNode(long head) {
            this.head = head;
            for (long n = 0; n <= head; n++) {
                forks.add("a");
            }
        }

        static String hash(String fork, long n) {
            return "0x" + fork + String.format("%063x", n);
        }

        /** Blocks from {@code from} on are replaced by those of another fork. */
        void reorgFrom(long from, String fork) {
            for (long n = from; n < forks.size(); n++) {
                forks.set((int) n, fork);
            }
        }

        @Override
        public long head() {
            return head;
        }

        @Override
        public BlockRef block(long n) {
            if (n > head) {
                return null;
            }
            return new BlockRef(n, hash(forks.get((int) n), n), n == 0 ? "0x" + "0".repeat(64)
                    : hash(forks.get((int) n - 1), n - 1));
        }

        @Override
        public List<TokenTransfer> transfers(long from, long to) throws IOException {
            logCalls.add(new long[] {from, to});
            if (down) {
                throw new java.net.ConnectException("Connection refused");
            }
            if (to - from + 1 > widest) {
                throw new RangeRefused("query returned more than 10000 results");
            }
            return transfers.stream().filter(t -> t.blockNumber() >= from && t.blockNumber() <= to).toList();
        }

        @Override
        public Receipt receipt(String txHash) {
            return null; // the scanner reads logs, never receipts
        }

        TokenTransfer transferIn(long n) {
            TokenTransfer t = new TokenTransfer("0x" + "11".repeat(32), 0, n, hash(forks.get((int) n), n),
                    CHAIN.tokenContract(), "0x" + "22".repeat(20), "0x" + "33".repeat(20), BigInteger.TEN);
            transfers.add(t);
            return t;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void readsTheNextRangeAndKeepsTheHashesOfTheWindowAndTheTip() throws IOException {
        MemoryNode node = new MemoryNode(100);
        node.transferIn(97);
        StepReader reader = new StepReader(CHAIN, node, new LogRange(1000));
        StepPlan.Advance step = assertInstanceOf(StepPlan.Advance.class,
                reader.read(89, MemoryNode.hash("a", 89), List::of));
        assertEquals(100, step.tip().number());
        assertEquals(89, step.from());
        // the kept window is the last 6 blocks below the head
        assertEquals(List.of(95L, 96L, 97L, 98L, 99L, 100L), step.blocks().stream().map(BlockRef::number).toList());
        assertEquals(1, step.transfers().size());
    }

    @Test
    void farBehindOnlyTheTipIsKept() throws IOException {
        MemoryNode node = new MemoryNode(10_000);
        StepReader reader = new StepReader(CHAIN, node, new LogRange(500));
        StepPlan.Advance step = assertInstanceOf(StepPlan.Advance.class, reader.read(-1, null, List::of));
        assertEquals(499, step.tip().number());
        assertEquals(List.of(499L), step.blocks().stream().map(BlockRef::number).toList());
    }

    @Test
    void aRefusedRangeIsAskedAgainSmaller() throws IOException {
        MemoryNode node = new MemoryNode(10_000);
        node.widest = 300;
        StepReader reader = new StepReader(CHAIN, node, new LogRange(2000));
        StepPlan.Advance step = assertInstanceOf(StepPlan.Advance.class, reader.read(-1, null, List::of));
        assertEquals(249, step.tip().number(), "2000 → 1000 → 500 → 250 blocks");
        assertEquals(4, node.logCalls.size());
    }

    @Test
    void aNodeRefusingEvenOneBlockIsAnOutage() {
        MemoryNode node = new MemoryNode(10);
        node.widest = 0;
        StepReader reader = new StepReader(CHAIN, node, new LogRange(4));
        assertThrows(ChainNode.RangeRefused.class, () -> reader.read(-1, null, List::of));
    }

    @Test
    void aNodeThatCannotBeReachedIsAnOutageNotATooWideRange() {
        MemoryNode node = new MemoryNode(10_000);
        node.down = true;
        LogRange range = new LogRange(2000);
        assertThrows(java.net.ConnectException.class, () -> new StepReader(CHAIN, node, range).read(-1, null, List::of));
        assertEquals(2000, range.blocks());
    }

    @Test
    void atTheHeadThereIsNothingToRead() throws IOException {
        MemoryNode node = new MemoryNode(50);
        StepPlan plan = new StepReader(CHAIN, node, new LogRange(10)).read(50, MemoryNode.hash("a", 50), List::of);
        assertEquals(new StepPlan.Idle(50), plan);
    }

    @Test
    void aReplacedCursorBlockRollsBackToTheCommonAncestor() throws IOException {
        MemoryNode node = new MemoryNode(50);
        List<BlockRef> kept = new ArrayList<>();
        for (long n = 50; n >= 45; n--) {
            kept.add(node.block(n));
        }
        node.reorgFrom(48, "b");
        StepPlan.RollBack back = assertInstanceOf(StepPlan.RollBack.class,
                new StepReader(CHAIN, node, new LogRange(10)).read(50, MemoryNode.hash("a", 50), () -> kept));
        assertEquals(47, back.ancestor().number());
        assertEquals(MemoryNode.hash("a", 47), back.ancestor().hash());
        assertFalse(back.ancestor().beyondWindow());
        assertEquals(50, back.from());
    }

    @Test
    void aShorterChainAlsoRollsBack() throws IOException {
        MemoryNode node = new MemoryNode(50);
        List<BlockRef> kept = new ArrayList<>();
        for (long n = 50; n >= 45; n--) {
            kept.add(node.block(n));
        }
        node.head = 46;
        StepPlan.RollBack back = assertInstanceOf(StepPlan.RollBack.class,
                new StepReader(CHAIN, node, new LogRange(10)).read(50, MemoryNode.hash("a", 50), () -> kept));
        assertEquals(46, back.ancestor().number());
    }

    @Test
    void aChainThatChangesWhileReadIsReadAgain() throws IOException {
        MemoryNode node = new MemoryNode(100);
        node.transferIn(99);
        node.reorgFrom(99, "c"); // the log names the old block 99
        StepPlan plan = new StepReader(CHAIN, node, new LogRange(10)).read(97, MemoryNode.hash("a", 97), List::of);
        assertInstanceOf(StepPlan.Inconsistent.class, plan);
        assertTrue(plan.head() == 100);
    }
}
