package com.c2c.order.ad.domain;

/**
 * The ranges the matching engine accepts, checked here so that an ad or order the engine would refuse
 * is refused to the user at once instead. Assumes a market's tick is one minor unit of its fiat.
 */
public final class BookBounds {
    /** The engine's highest price in ticks (2^24 - 1), e.g. 167,772.15 for a fiat with two decimals. */
    public static final long MAX_PRICE_MINOR = (1L << 24) - 1;
    /** A reference price whose +20 % still fits {@link #MAX_PRICE_MINOR}. */
    public static final long MAX_REFERENCE_PRICE_MINOR = MAX_PRICE_MINOR * 10_000 / 12_000;
    /** The engine's largest quantity (one billion USDT in micro-units) and fiat amount (minor units). */
    public static final long MAX_AMOUNT = 1_000_000_000_000_000L;
    private static final long MICROS_PER_USDT = 1_000_000L;

    private BookBounds() {
    }

    public static long price(long priceMinor) {
        if (priceMinor > MAX_PRICE_MINOR) {
            throw new IllegalArgumentException("is above the highest price a market takes");
        }
        return priceMinor;
    }

    public static long amount(long amount) {
        if (amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("is too large");
        }
        return amount;
    }

    /**
     * The most micro-units whose price does not exceed {@code fiatMinor} at {@code priceMinor}: the
     * engine's own conversion of a fiat amount to a quantity (rounded down, never in the taker's favour).
     */
    public static long quantityFor(long fiatMinor, long priceMinor) {
        if (fiatMinor <= Long.MAX_VALUE / MICROS_PER_USDT) {
            return fiatMinor * MICROS_PER_USDT / priceMinor;
        }
        return java.math.BigInteger.valueOf(fiatMinor).multiply(java.math.BigInteger.valueOf(MICROS_PER_USDT))
                .divide(java.math.BigInteger.valueOf(priceMinor)).longValueExact();
    }
}
