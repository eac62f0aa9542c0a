package com.c2c.events;

import java.math.BigDecimal;

/**
 * USDT amounts travel as {@code long} micro-units (6 decimals) inside the platform and as decimal
 * strings at the edges. This is the one place that converts between the two.
 */
public final class UsdtAmount {
    public static final int SCALE = 6;

    private UsdtAmount() {
    }

    /**
     * Exact conversion; fails if the value has more than 6 decimals, is not positive, or overflows a long.
     * The bounds of {@link Decimals} are checked first, again: this scales the value, which is only cheap
     * within them, whatever path the value came in by.
     */
    public static long toMicros(BigDecimal amount) {
        Decimals.check(amount);
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("must be greater than zero");
        }
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("must have at most " + SCALE + " decimal places");
        }
        try {
            return amount.movePointRight(SCALE).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("is too large");
        }
    }

    public static BigDecimal fromMicros(long micros) {
        return BigDecimal.valueOf(micros, SCALE);
    }
}
