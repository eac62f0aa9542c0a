package com.c2c.chain.scan;

import com.c2c.chain.scan.domain.LogRange;
import com.c2c.chain.scan.domain.PendingBackfill;
import com.c2c.chain.scan.domain.TokenTransfer;
import com.c2c.chain.scan.node.ChainNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Reads the next backfill range for a batch of addresses that started being watched late, writing nothing: from
 * the lowest block any of them still needs, as many blocks as the node answers for (the forward reader's
 * rules: halved while refused, grown back after a run of answers), never past the scanner's cursor, asking only
 * for transfers to the batch's addresses. Blocking; one per scanner thread.
 */
final class BackfillReader {
    /** Addresses named in one eth_getLogs topic filter (nodes cap how large a filter they accept). */
    static final int ADDRESSES_PER_QUERY = 100;
    private static final Logger LOG = Logger.getLogger(BackfillReader.class);

    private final ScannedChain chain;
    private final ChainNode node;
    private final LogRange range;

    BackfillReader(ScannedChain chain, ChainNode node, LogRange range) {
        this.chain = chain;
        this.node = node;
        this.range = range;
    }

    /**
     * @param batch  pending backfills (at most {@link #ADDRESSES_PER_QUERY}), any order
     * @param cursor the scanner's cursor: blocks past it are the forward scan's
     * @return the range read, or null when there is nothing to read below the cursor (it went back in a reorg:
     *         the forward scan reads those blocks again, with the addresses watched)
     */
    BackfillPlan read(List<PendingBackfill> batch, long cursor) throws IOException {
        if (batch.isEmpty()) {
            return null;
        }
        if (batch.size() > ADDRESSES_PER_QUERY) {
            throw new IllegalArgumentException("at most " + ADDRESSES_PER_QUERY + " addresses a range, not " + batch.size());
        }
        long from = batch.stream().mapToLong(PendingBackfill::from).min().orElseThrow();
        long last = Math.min(cursor, batch.stream().mapToLong(PendingBackfill::to).max().orElseThrow());
        if (from > last) {
            return null;
        }
        Map<String, PendingBackfill> byAddress = new HashMap<>();
        batch.forEach(p -> byAddress.put(p.address(), p));
        long to;
        List<TokenTransfer> found;
        while (true) {
            to = range.end(from, last);
            try {
                found = node.transfersTo(from, to, byAddress.keySet());
                range.answered();
                break;
            } catch (IOException refused) {
                boolean tooMuch = refused instanceof ChainNode.RangeRefused || refused instanceof InterruptedIOException;
                if (!tooMuch || !range.refused()) {
                    throw refused;
                }
                LOG.infof("%s: backfill: the node refused logs of blocks %d..%d (%s); asking for %d blocks at a time",
                        chain, from, to, refused.getMessage(), range.blocks());
            }
        }
        // each address only inside its own window: below it was not missed, above it the forward scan had it
        List<TokenTransfer> transfers = new ArrayList<>();
        for (TokenTransfer transfer : found) {
            PendingBackfill pending = byAddress.get(transfer.to());
            if (pending != null && transfer.blockNumber() >= pending.from()
                    && transfer.blockNumber() <= Math.min(pending.to(), to)) {
                transfers.add(transfer);
            }
        }
        List<BackfillPlan.Progress> progress = new ArrayList<>();
        for (PendingBackfill pending : batch) {
            if (pending.from() <= to) {
                progress.add(new BackfillPlan.Progress(pending.address(), pending.from(),
                        to >= pending.to() ? null : to + 1));
            }
        }
        return new BackfillPlan(from, to, List.copyOf(transfers), List.copyOf(progress));
    }
}
