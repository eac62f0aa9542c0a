package com.c2c.order.ad.domain;

import com.c2c.events.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The prices within {@code bps} hundredths of a percent of a reference price, in whole minor units:
 * from reference × (1 − bps/10,000) rounded up to reference × (1 + bps/10,000) rounded down, so every
 * price in the band is at most that far from the reference. Used for the prices ads may have and the
 * price limit a taker's order gets by default.
 */
public record PriceBand(long referenceMinor, int bps) {
    private static final long WHOLE = 10_000;
    /** Widest band: 100 % below the reference is nothing at all. */
    public static final int MAX_BPS = 9_999;

    public PriceBand {
        if (referenceMinor <= 0 || bps < 0 || bps > MAX_BPS) {
            throw new IllegalArgumentException("reference " + referenceMinor + ", bps " + bps);
        }
    }

    /** The lowest price in the band, at least 1. */
    public long lowest() {
        return Math.max(1, Math.ceilDiv(referenceMinor * (WHOLE - bps), WHOLE));
    }

    /** The highest price in the band. */
    public long highest() {
        return Math.floorDiv(referenceMinor * (WHOLE + bps), WHOLE);
    }

    public boolean contains(long priceMinor) {
        return priceMinor >= lowest() && priceMinor <= highest();
    }

    /**
     * The worst price a taker on {@code side} accepts by default: a BUY pays at most the band's highest
     * price, a SELL receives at least its lowest.
     */
    public long worstFor(Side side) {
        return side == Side.BUY ? highest() : lowest();
    }

    /**
     * A setting in percent ("5", "2.5") as basis points, for the bands: at most 2 decimals, above 0 and
     * below 100; IllegalArgumentException says what is wrong.
     */
    public static int bpsOf(BigDecimal percent) {
        Decimals.check(percent);
        if (percent.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("must have at most 2 decimal places");
        }
        if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(MAX_BPS, 2)) > 0) {
            throw new IllegalArgumentException("must be above 0 and below 100 (percent)");
        }
        return percent.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).intValueExact();
    }
}
