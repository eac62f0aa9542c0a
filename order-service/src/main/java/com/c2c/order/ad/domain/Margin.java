package com.c2c.order.ad.domain;

import com.c2c.events.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A FLOATING ad's margin over its fiat's reference price, in hundredths of a percent (basis points):
 * "1.50" is 150, "-0.75" is -75. Prices are whole minor units of the fiat (the markets' tick).
 */
public final class Margin {
    public static final int MAX_BPS = 2000;
    private static final BigDecimal BPS_PER_WHOLE = BigDecimal.valueOf(10_000);
    private static final BigDecimal MAX_PERCENT = BigDecimal.valueOf(MAX_BPS, 2);

    private Margin() {
    }

    /**
     * Exact parse of a percentage with at most 2 decimals within ±20; IllegalArgumentException says what is
     * wrong. The range is checked on the decimal itself, before it is scaled: scaling is cheap only for a
     * small value (and {@link Decimals} bounds what gets this far anyway).
     */
    public static int bpsOf(BigDecimal percent) {
        Decimals.check(percent);
        if (percent.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("must have at most 2 decimal places");
        }
        if (percent.abs().compareTo(MAX_PERCENT) > 0) {
            throw new IllegalArgumentException("must be between -20 and 20 (percent)");
        }
        return percent.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).intValueExact();
    }

    public static BigDecimal percentOf(int bps) {
        return BigDecimal.valueOf(bps, 2);
    }

    /** reference × (1 + margin), rounded half up to the minor unit; at least 1 (a margin of -20 % keeps it positive). */
    public static long price(long referenceMinor, int bps) {
        return BigDecimal.valueOf(referenceMinor)
                .multiply(BPS_PER_WHOLE.add(BigDecimal.valueOf(bps)))
                .divide(BPS_PER_WHOLE, 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
