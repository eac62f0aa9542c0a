package com.c2c.chain.scan.domain;

/**
 * When a deposit counts. Its block counts as its first confirmation, so a deposit in block {@code b} has
 * {@code tip - b + 1} confirmations once the scanner has verified the chain up to {@code tip}.
 */
public final class Confirmation {
    private Confirmation() {
    }

    public static long depth(long blockNumber, long tip) {
        return blockNumber > tip ? 0 : tip - blockNumber + 1;
    }

    /** The newest block whose deposits are confirmed at {@code tip} with {@code required} confirmations. */
    public static long deepestUnconfirmable(long tip, int required) {
        return tip - required + 1;
    }

    /**
     * Whether a deposit is confirmed: deep enough, and its block is still the canonical one at its height
     * ({@code canonicalHash} is what the scanner holds for that height, {@code null} when the block is
     * older than the kept window, which the scanner treats as final).
     */
    public static boolean confirmed(long blockNumber, String blockHash, String canonicalHash, long tip, int required) {
        return depth(blockNumber, tip) >= required && (canonicalHash == null || canonicalHash.equals(blockHash));
    }
}
