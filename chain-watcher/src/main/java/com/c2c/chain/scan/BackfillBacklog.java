package com.c2c.chain.scan;

/** How much backfilling one chain has left: addresses watched late, and blocks to read again summed over them. */
public record BackfillBacklog(long addresses, long blocks) {
    public static final BackfillBacklog NONE = new BackfillBacklog(0, 0);

    private static final String SUMS = "select chain_id, count(*), coalesce(sum(backfill_to - backfill_from + 1), 0)"
            + " from watched_address where backfill_from is not null";
    /** The per-chain sums over {@code watched_address}; one row per chain that has any. */
    static final String BY_CHAIN = SUMS + " group by chain_id";
    /** The same for the chain {@code :chain}. */
    static final String OF_CHAIN = SUMS + " and chain_id = :chain group by chain_id";

    static BackfillBacklog of(Object[] row) {
        return new BackfillBacklog(((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }
}
