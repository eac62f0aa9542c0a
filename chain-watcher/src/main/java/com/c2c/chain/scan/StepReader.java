package com.c2c.chain.scan;

import com.c2c.chain.scan.domain.BlockRef;
import com.c2c.chain.scan.domain.CommonAncestor;
import com.c2c.chain.scan.domain.LogRange;
import com.c2c.chain.scan.domain.TokenTransfer;
import com.c2c.chain.scan.node.ChainNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Reads one step from the node, writing nothing: checks the cursor's block is still the node's (else finds
 * where the chains part), then reads the next range's Transfer logs, shrinking the range while the node
 * refuses it, and the hashes of the blocks it must keep. Blocking; one per scanner thread.
 */
final class StepReader {
    private static final Logger LOG = Logger.getLogger(StepReader.class);

    private final ScannedChain chain;
    private final ChainNode node;
    private final LogRange range;

    StepReader(ScannedChain chain, ChainNode node, LogRange range) {
        this.chain = chain;
        this.node = node;
        this.range = range;
    }

    /**
     * @param cursor     the last block read (-1 before the first)
     * @param cursorHash its hash as read then ({@code null} for -1)
     * @param kept       the kept blocks, newest first, read only when a reorg is found
     */
    StepPlan read(long cursor, String cursorHash, Supplier<List<BlockRef>> kept) throws IOException {
        long head = node.head();
        if (cursorHash != null) {
            BlockRef onNode = node.block(cursor);
            if (onNode == null || !cursorHash.equals(onNode.hash())) {
                List<BlockRef> window = kept.get();
                if (window.isEmpty()) {
                    window = List.of(new BlockRef(cursor, cursorHash, null));
                }
                CommonAncestor.Found ancestor = CommonAncestor.find(window, head, this::hashOnNode);
                return new StepPlan.RollBack(head, cursor, ancestor);
            }
        }
        if (cursor >= head) {
            return new StepPlan.Idle(head);
        }
        long from = cursor + 1;
        long to;
        List<TokenTransfer> transfers;
        while (true) {
            to = range.end(from, head);
            try {
                transfers = node.transfers(from, to);
                range.answered();
                break;
            } catch (IOException refused) {
                // A refusal or a timeout (too many logs to answer in time) asks for less; a node that cannot
                // be reached at all is an outage, retried later at the same range.
                boolean tooMuch = refused instanceof ChainNode.RangeRefused || refused instanceof InterruptedIOException;
                if (!tooMuch || !range.refused()) {
                    throw refused;
                }
                LOG.infof("%s: the node refused logs of blocks %d..%d (%s); asking for %d blocks at a time",
                        chain, from, to, refused.getMessage(), range.blocks());
            }
        }
        // Hashes are kept for the blocks a reorg could still replace (the kept window below the head) and the
        // tip, which the next step compares; older blocks are final for this chain's depth.
        long windowStart = Math.max(from, head - chain.keptBlocks() + 1);
        List<BlockRef> blocks = new ArrayList<>();
        Map<Long, String> hashes = new HashMap<>();
        for (long n = Math.min(windowStart, to); n <= to; n++) {
            BlockRef block = node.block(n);
            if (block == null) {
                return new StepPlan.Inconsistent(head, "block " + n + " is gone");
            }
            if (!blocks.isEmpty() && !blocks.getLast().hash().equals(block.parentHash())) {
                return new StepPlan.Inconsistent(head, "block " + n + " is not the child of the block before it");
            }
            if (blocks.isEmpty() && n == from && cursorHash != null && !cursorHash.equals(block.parentHash())) {
                return new StepPlan.Inconsistent(head, "block " + n + " is not the child of the cursor's block");
            }
            blocks.add(block);
            hashes.put(n, block.hash());
        }
        for (TokenTransfer transfer : transfers) {
            String canonical = hashes.get(transfer.blockNumber());
            if (transfer.blockNumber() < from || transfer.blockNumber() > to
                    || canonical != null && !canonical.equals(transfer.blockHash())) {
                return new StepPlan.Inconsistent(head, "a log of block " + transfer.blockNumber()
                        + " names another block than the one read");
            }
        }
        return new StepPlan.Advance(head, cursor, blocks.getLast(), List.copyOf(blocks), List.copyOf(transfers));
    }

    private String hashOnNode(long number) {
        try {
            BlockRef block = node.block(number);
            return block == null ? null : block.hash();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
