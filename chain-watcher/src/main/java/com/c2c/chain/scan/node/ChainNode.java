package com.c2c.chain.scan.node;

import com.c2c.chain.scan.domain.BlockRef;
import com.c2c.chain.scan.domain.TokenTransfer;
import java.io.IOException;
import java.util.List;

/** What the scanner asks of a chain's node. Every call blocks: never call it on an event-loop thread. */
public interface ChainNode extends AutoCloseable {
    long head() throws IOException;

    /** The node's block at {@code number}, {@code null} when it has none there (past its head). */
    BlockRef block(long number) throws IOException;

    /**
     * The Transfer logs of the token contract in [from, to]. {@link RangeRefused} when the node declines the
     * range (too wide, too many logs): the caller asks for less.
     */
    List<TokenTransfer> transfers(long from, long to) throws IOException;

    /**
     * The receipt of a transaction in the node's canonical chain, {@code null} while it is not mined (or its
     * block left the chain).
     */
    Receipt receipt(String txHash) throws IOException;

    @Override
    void close();

    /** Where a transaction was mined, and whether it succeeded (status 1) or reverted (status 0). */
    record Receipt(long blockNumber, String blockHash, boolean succeeded) {
    }

    /** The node answered a log query with an error rather than logs. */
    final class RangeRefused extends IOException {
        public RangeRefused(String message) {
            super(message);
        }
    }
}
