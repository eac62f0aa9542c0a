package com.c2c.wallet.signer.domain;

/**
 * An EIP-1559 fee offer in wei per gas. A replacement must outbid the version it replaces on both numbers by at
 * least 12.5 % (nodes refuse a same-nonce replacement below their bump rule: geth 10 %, ADR 0014 takes 12.5 %),
 * and never less than what the chain asks now; no offer goes above the configured ceiling.
 */
public record Fees(long maxFeePerGas, long maxPriorityFeePerGas) {
    /** 12.5 % = 1/8. */
    private static final int BUMP_DIVISOR = 8;

    public Fees {
        if (maxPriorityFeePerGas < 0 || maxFeePerGas <= 0 || maxPriorityFeePerGas > maxFeePerGas) {
            throw new IllegalArgumentException("fees must satisfy 0 <= priority <= max and max > 0: max " + maxFeePerGas
                    + ", priority " + maxPriorityFeePerGas);
        }
    }

    /** The first offer: twice the latest base fee (room for six full blocks of increases) plus the tip. */
    public static Fees forBaseFee(long baseFeePerGas, long priorityFeePerGas, long cap) {
        long max = Math.addExact(Math.multiplyExact(baseFeePerGas, 2), priorityFeePerGas);
        return capped(Math.max(max, 1), priorityFeePerGas, cap);
    }

    /**
     * The offer for a replacement: each number raised by at least 12.5 % (rounded up, and by at least 1 wei),
     * and at least what {@code current} (the chain's first offer now) says.
     */
    public Fees bumped(Fees current, long cap) {
        long priority = Math.max(raise(maxPriorityFeePerGas), current.maxPriorityFeePerGas);
        long max = Math.max(Math.max(raise(maxFeePerGas), current.maxFeePerGas), priority);
        return capped(max, priority, cap);
    }

    /** True when this offer outbids {@code older} by at least 12.5 % on both numbers. */
    public boolean outbids(Fees older) {
        return maxFeePerGas >= raise(older.maxFeePerGas) && maxPriorityFeePerGas >= raise(older.maxPriorityFeePerGas);
    }

    private static long raise(long wei) {
        long bump = Math.ceilDiv(wei, BUMP_DIVISOR);
        return Math.addExact(wei, Math.max(bump, 1));
    }

    private static Fees capped(long max, long priority, long cap) {
        long m = Math.min(max, cap);
        return new Fees(m, Math.min(priority, m));
    }
}
