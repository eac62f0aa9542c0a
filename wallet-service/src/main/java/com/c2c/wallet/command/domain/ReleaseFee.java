package com.c2c.wallet.command.domain;

/**
 * The platform's fee on a released trade, in basis points of the quantity, rounded down to the
 * micro-unit (the buyer is never charged a fraction more than the rate). At most 10 %, so the buyer
 * always receives most of what the trade moves.
 */
public record ReleaseFee(int basisPoints) {
    public static final int MAX_BASIS_POINTS = 1000;
    private static final long ONE_HUNDRED_PERCENT = 10_000;

    public ReleaseFee {
        if (basisPoints < 0 || basisPoints > MAX_BASIS_POINTS) {
            throw new IllegalArgumentException(
                    "release fee must be 0.." + MAX_BASIS_POINTS + " basis points, not " + basisPoints);
        }
    }

    /** floor(quantity × bps / 10 000), computed without overflow for any non-negative quantity. */
    public long of(long quantityMicros) {
        if (quantityMicros < 0) {
            throw new IllegalArgumentException("quantity must not be negative: " + quantityMicros);
        }
        return quantityMicros / ONE_HUNDRED_PERCENT * basisPoints
                + quantityMicros % ONE_HUNDRED_PERCENT * basisPoints / ONE_HUNDRED_PERCENT;
    }
}
