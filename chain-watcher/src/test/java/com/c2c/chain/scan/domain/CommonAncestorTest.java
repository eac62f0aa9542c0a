package com.c2c.chain.scan.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommonAncestorTest {
    /** Kept blocks 10..20, newest first, hash "k<n>". */
    private static List<BlockRef> kept() {
        List<BlockRef> blocks = new ArrayList<>();
        for (long n = 20; n >= 10; n--) {
            blocks.add(new BlockRef(n, "k" + n, "k" + (n - 1)));
        }
        return blocks;
    }

    @Test
    void theNewestKeptBlockTheNodeStillHasIsTheAncestor() {
        // the node replaced blocks 17.. (and its chain is now only 19 long)
        Map<Long, String> node = new java.util.HashMap<>();
        for (long n = 0; n <= 19; n++) {
            node.put(n, n <= 16 ? "k" + n : "other" + n);
        }
        CommonAncestor.Found found = CommonAncestor.find(kept(), 19, node::get);
        assertEquals(16, found.number());
        assertEquals("k16", found.hash());
        assertFalse(found.beyondWindow());
    }

    @Test
    void aReorgDeeperThanTheKeptBlocksGoesBelowThemAndSaysSo() {
        CommonAncestor.Found found = CommonAncestor.find(kept(), 30, n -> "other" + n);
        assertEquals(9, found.number());
        assertEquals("other9", found.hash(), "the node's block there, to read on from");
        assertTrue(found.beyondWindow());
    }

    @Test
    void aNodeResetToAShorterChainLandsAtItsHead() {
        CommonAncestor.Found found = CommonAncestor.find(kept(), 3, n -> n <= 3 ? "new" + n : null);
        assertEquals(3, found.number());
        assertEquals("new3", found.hash());
        assertTrue(found.beyondWindow());
    }

    @Test
    void belowGenesisThereIsNoHash() {
        CommonAncestor.Found found = CommonAncestor.find(List.of(new BlockRef(0, "k0", "p")), 5, n -> "other" + n);
        assertEquals(-1, found.number());
        assertNull(found.hash());
    }
}
