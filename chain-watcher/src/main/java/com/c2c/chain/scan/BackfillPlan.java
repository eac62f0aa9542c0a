package com.c2c.chain.scan;

import com.c2c.chain.scan.domain.TokenTransfer;
import java.util.List;

/**
 * What one backfill range read: blocks [from, to] for a batch of late addresses, the transfers to them inside each
 * one's own window, and where each address's backfill stands after this range (written with the transfers, in one
 * transaction).
 */
record BackfillPlan(long from, long to, List<TokenTransfer> transfers, List<Progress> progress) {
    /**
     * An address's backfill moves from {@code expectedFrom} to {@code nextFrom}, or is done when {@code nextFrom}
     * is null; written only if it still starts at {@code expectedFrom} (no other scanner moved it meanwhile).
     */
    record Progress(String address, long expectedFrom, Long nextFrom) {
        boolean done() {
            return nextFrom == null;
        }
    }

    long finished() {
        return progress.stream().filter(Progress::done).count();
    }
}
