package com.c2c.chain.scan.domain;

import java.util.Optional;

/**
 * The blocks an address that starts being watched late must have read again, both ends inclusive: the scanner read
 * them before the address was watched, so transfers to it there were passed over. It ends at the cursor the address
 * was added at (later blocks the forward scan reads with the address watched) and reaches back at most
 * {@code backfill-blocks}, never before the chain's start block.
 */
public record BackfillWindow(long from, long to) {
    public BackfillWindow {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("a backfill window is 0 <= from <= to, not " + from + ".." + to);
        }
    }

    /**
     * @param cursor     the chain's cursor when the address is added (the last block read; -1 before the first)
     * @param startBlock the chain's first block to read
     * @param blocks     the most blocks to read again (0: none)
     * @return nothing when the scanner has read nothing the address could have missed
     */
    public static Optional<BackfillWindow> forAddressAddedAt(long cursor, long startBlock, long blocks) {
        long first = Math.max(0, startBlock);
        if (blocks <= 0 || cursor < first) {
            return Optional.empty();
        }
        return Optional.of(new BackfillWindow(Math.max(first, cursor - blocks + 1), cursor));
    }

    public long blocks() {
        return to - from + 1;
    }
}
