package com.c2c.matching.engine;

import java.math.BigInteger;

/** Bounds every book enforces, so arithmetic on prices and amounts can never overflow unnoticed. */
public final class Limits {
    /** Prices are whole ticks in 1..2^24-1 (e.g. up to 167,772.15 at a 0.01 tick). */
    public static final long MAX_PRICE_TICKS = (1L << 24) - 1;
    /** Quantities are USDT micro-units up to 10^15 (one billion USDT); fiat amounts likewise bounded. */
    public static final long MAX_QUANTITY = 1_000_000_000_000_000L;
    /** Every payment method; the mask of an order that accepts any. */
    public static final long ANY_PAYMENT_METHOD = -1L;
    public static final long NONE = Long.MIN_VALUE;
    /**
     * Exhausted ads a book keeps (per market) so that quantity returned by a cancelled trade can revive
     * them: when one more runs out, the one that ran out longest ago is forgotten. A rule of the book like
     * the others (a replay decides by it), so it is a constant, not configuration: a restore, amend or
     * cancel naming a forgotten ad is answered UNKNOWN_ID and order-service lists the ad again with what
     * it has, or ends the withdrawal (ADR 0004).
     */
    public static final int EXHAUSTED_ADS_KEPT = 100_000;
    static final long MICROS_PER_UNIT = 1_000_000L;

    private Limits() {
    }

    /**
     * The limit of a taker with none: the worst price the book can hold on the other side (a BUY pays at
     * most the highest price, a SELL receives at least the lowest), so every level is within it.
     */
    public static long noPriceLimit(Side takerSide) {
        return takerSide == Side.BUY ? MAX_PRICE_TICKS : 1;
    }

    static boolean validPrice(long priceTicks) {
        return priceTicks >= 1 && priceTicks <= MAX_PRICE_TICKS;
    }

    static boolean validQuantity(long quantity) {
        return quantity >= 1 && quantity <= MAX_QUANTITY;
    }

    /** An ad's quantity and its per-order fiat limits (0 <= min <= max <= MAX_QUANTITY). */
    static boolean validAd(long quantity, long minFiat, long maxFiat) {
        return validQuantity(quantity) && minFiat >= 0 && maxFiat >= minFiat && maxFiat <= MAX_QUANTITY;
    }

    /**
     * Whether an ad holding {@code remaining} at {@code priceMinor} can still be taken: its whole
     * remainder is worth at least the smallest fill it accepts. Below that it is dust no taker can fill.
     */
    static boolean fillableAd(long remaining, long priceMinor, long minFiat) {
        return remaining > 0 && fiatFor(remaining, priceMinor) >= minFiat;
    }

    /** Fiat minor units for {@code quantity} micro-units at {@code priceMinor} per unit, rounded half up. */
    public static long fiatFor(long quantity, long priceMinor) {
        long hi = Math.multiplyHigh(quantity, priceMinor);
        long product = quantity * priceMinor;
        if (hi == 0 && product >= 0 && product <= Long.MAX_VALUE - MICROS_PER_UNIT) {
            return (product + MICROS_PER_UNIT / 2) / MICROS_PER_UNIT;
        }
        // Rare: beyond 2^63 (the bounds keep the result itself within a long).
        return BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(priceMinor))
                .add(BigInteger.valueOf(MICROS_PER_UNIT / 2))
                .divide(BigInteger.valueOf(MICROS_PER_UNIT)).longValueExact();
    }

    /**
     * The most micro-units whose exact price does not exceed {@code fiat} at {@code priceMinor}: what
     * a buyer paying {@code fiat} receives (720.00 CNY at 7.20 buys exactly 100 USDT; rounding never
     * hands the buyer a fraction the seller was not paid for).
     */
    public static long quantityFor(long fiat, long priceMinor) {
        if (fiat <= Long.MAX_VALUE / MICROS_PER_UNIT) {
            return fiat * MICROS_PER_UNIT / priceMinor;
        }
        return BigInteger.valueOf(fiat).multiply(BigInteger.valueOf(MICROS_PER_UNIT))
                .divide(BigInteger.valueOf(priceMinor)).longValueExact();
    }
}
