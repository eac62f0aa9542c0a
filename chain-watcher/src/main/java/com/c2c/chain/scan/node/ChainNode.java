package com.c2c.chain.scan.node;

import com.c2c.chain.scan.domain.BlockRef;
import com.c2c.chain.scan.domain.TokenTransfer;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

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
     * The Transfer logs of the token contract in [from, to] whose recipient is one of {@code recipients}
     * (lower-case hex), for reading blocks again for a few addresses. The default asks for every transfer and
     * keeps theirs; a real node is asked to filter by the recipient topic.
     */
    default List<TokenTransfer> transfersTo(long from, long to, Collection<String> recipients) throws IOException {
        Set<String> wanted = Set.copyOf(recipients);
        return transfers(from, to).stream().filter(t -> wanted.contains(t.to())).toList();
    }

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
