package com.c2c.chain.scan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

/**
 * What operators see of one chain: the node's head, the scanner's cursor, the lag between them, when it last
 * stepped, and its reorgs. Each is also a meter tagged with the chain's name: {@code c2c_chain_head_block},
 * {@code c2c_chain_cursor_block}, {@code c2c_chain_lag_blocks}, {@code c2c_chain_reorgs_total} and
 * {@code c2c_chain_deep_reorgs_total} (a confirmed deposit dropped: alert); and the backfill of addresses watched
 * late: {@code c2c_chain_backfill_pending_addresses}, {@code c2c_chain_backfill_pending_blocks}.
 */
public final class ChainStatus {
    private final String name;
    private final long chainId;
    private final int confirmations;
    private final String tokenContract;
    private final Counter reorgs;
    private final Counter deepReorgs;
    private volatile long head = -1;
    private volatile long cursor = -1;
    private volatile Instant lastStepAt;
    private volatile boolean leading;
    /** -1 until this instance's scanner first looks (another replica's are -1, as its head and cursor are). */
    private volatile long backfillAddresses = -1;
    private volatile long backfillBlocks = -1;

    ChainStatus(String name, long chainId, int confirmations, String tokenContract, MeterRegistry meters) {
        this.name = name;
        this.chainId = chainId;
        this.confirmations = confirmations;
        this.tokenContract = tokenContract;
        gauge(meters, "c2c.chain.head.block", "The newest block the chain's node reported", s -> s.head);
        gauge(meters, "c2c.chain.cursor.block", "The last block the scanner has fully read", s -> s.cursor);
        gauge(meters, "c2c.chain.lag.blocks", "Blocks between the node's head and the scanner's cursor", ChainStatus::lag);
        gauge(meters, "c2c.chain.backfill.pending.addresses",
                "Addresses watched late whose earlier blocks are still to be read again", s -> s.backfillAddresses);
        gauge(meters, "c2c.chain.backfill.pending.blocks",
                "Blocks still to be read again for addresses watched late, summed over them", s -> s.backfillBlocks);
        this.reorgs = Counter.builder("c2c.chain.reorgs").tag("chain", name)
                .description("Reorgs seen (the scanner walked back to a common ancestor)").register(meters);
        this.deepReorgs = Counter.builder("c2c.chain.deep.reorgs").tag("chain", name)
                .description("Reorgs that dropped a confirmed deposit's block (alert: an operator must act)")
                .register(meters);
    }

    public String name() {
        return name;
    }

    public long chainId() {
        return chainId;
    }

    public int confirmations() {
        return confirmations;
    }

    /** The token contract scanned, null when none is configured (the chain is then not scanned). */
    public String tokenContract() {
        return tokenContract;
    }

    public boolean scanning() {
        return tokenContract != null;
    }

    public long head() {
        return head;
    }

    public long cursor() {
        return cursor;
    }

    public long lag() {
        return head < 0 ? 0 : Math.max(0, head - cursor);
    }

    public Instant lastStepAt() {
        return lastStepAt;
    }

    /** Whether this instance holds the chain's scan lock (one instance scans a chain at a time). */
    public boolean leading() {
        return leading;
    }

    void stepped(long head, long cursor) {
        this.head = head;
        this.cursor = cursor;
        this.lastStepAt = Instant.now();
    }

    void backfills(long addresses, long blocks) {
        this.backfillAddresses = addresses;
        this.backfillBlocks = blocks;
    }

    void leading(boolean leading) {
        this.leading = leading;
    }

    void reorg(boolean deep) {
        reorgs.increment();
        if (deep) {
            deepReorgs.increment();
        }
    }

    /**
     * Registers a gauge of this status, replacing one of the same name and chain (a registry outlives an
     * application restarted in the same JVM, as tests do: the first status registered would otherwise keep the
     * gauge, and a weakly held one shows nothing once collected). Held strongly: one status per chain, for good.
     */
    private void gauge(MeterRegistry meters, String meter, String description,
            ToDoubleFunction<ChainStatus> value) {
        Gauge old = meters.find(meter).tag("chain", name).gauge();
        if (old != null) {
            meters.remove(old);
        }
        Gauge.builder(meter, this, value).tag("chain", name).description(description).strongReference(true)
                .register(meters);
    }
}
