package com.c2c.chain.scan;

import com.c2c.chain.scan.domain.BlockRef;
import com.c2c.chain.scan.domain.CommonAncestor;
import com.c2c.chain.scan.domain.TokenTransfer;
import java.util.List;

/** What one step found on the node, to be written in one transaction (or nothing to write). */
public sealed interface StepPlan {
    /** The node's head, as seen by this step. */
    long head();

    /** The cursor is at the head. */
    record Idle(long head) implements StepPlan {
    }

    /** The cursor's block is no longer the node's: go back to {@code ancestor}. */
    record RollBack(long head, long from, CommonAncestor.Found ancestor) implements StepPlan {
    }

    /**
     * Blocks (from, tip] were read: the transfers in them and the blocks whose hashes are kept (the ones within
     * the kept window, linked parent to child, and the tip).
     */
    record Advance(long head, long from, BlockRef tip, List<BlockRef> blocks, List<TokenTransfer> transfers)
            implements StepPlan {
    }

    /** The node's answers did not fit together (it changed chain while being read): nothing to write, retry. */
    record Inconsistent(long head, String why) implements StepPlan {
    }
}
