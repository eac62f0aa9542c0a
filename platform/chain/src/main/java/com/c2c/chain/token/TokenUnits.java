package com.c2c.chain.token;

import java.math.BigInteger;

/**
 * Converts between a token's on-chain amount (a uint256 in the token's base units) and our ledger's
 * micro-units (6 decimals, a {@code long}). Exact both ways: an amount that does not fit, is negative,
 * or has a remainder below one micro-unit is refused, never rounded; such a transfer is left for a
 * person to handle rather than credited automatically.
 */
public final class TokenUnits {

    public static final int LEDGER_DECIMALS = 6;
    /** USDT on Ethereum and TRON has 6 decimals, so one base unit is one micro-unit. */
    public static final TokenUnits SIX_DECIMALS = new TokenUnits(6);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final int decimals;
    private final BigInteger scale;

    private TokenUnits(int decimals) {
        this.decimals = decimals;
        this.scale = BigInteger.TEN.pow(Math.abs(decimals - LEDGER_DECIMALS));
    }

    /** @param decimals the token's {@code decimals()}, 0..36 */
    public static TokenUnits ofDecimals(int decimals) {
        if (decimals < 0 || decimals > 36) {
            throw new IllegalArgumentException("token decimals must be 0..36, got " + decimals);
        }
        return decimals == LEDGER_DECIMALS ? SIX_DECIMALS : new TokenUnits(decimals);
    }

    public int decimals() {
        return decimals;
    }

    /**
     * @param baseUnits the uint256 value of a transfer
     * @throws ArithmeticException if negative, above {@link Long#MAX_VALUE} micro-units, or not a whole
     *         number of micro-units
     */
    public long toMicroUnits(BigInteger baseUnits) {
        if (baseUnits.signum() < 0) {
            throw new ArithmeticException("token amount is negative");
        }
        BigInteger micro;
        if (decimals >= LEDGER_DECIMALS) {
            BigInteger[] qr = baseUnits.divideAndRemainder(scale);
            if (qr[1].signum() != 0) {
                throw new ArithmeticException("token amount " + baseUnits + " is not a whole number of micro-units");
            }
            micro = qr[0];
        } else {
            micro = baseUnits.multiply(scale);
        }
        if (micro.compareTo(LONG_MAX) > 0) {
            throw new ArithmeticException("token amount " + baseUnits + " is above " + Long.MAX_VALUE
                    + " micro-units; it is never credited automatically");
        }
        return micro.longValueExact();
    }

    /** The on-chain amount for {@code microUnits} (not negative), e.g. for a withdrawal or sweep. */
    public BigInteger toBaseUnits(long microUnits) {
        if (microUnits < 0) {
            throw new ArithmeticException("amount is negative");
        }
        BigInteger micro = BigInteger.valueOf(microUnits);
        if (decimals >= LEDGER_DECIMALS) {
            return micro.multiply(scale);
        }
        BigInteger[] qr = micro.divideAndRemainder(scale);
        if (qr[1].signum() != 0) {
            throw new ArithmeticException(microUnits + " micro-units is finer than the token's " + decimals
                    + " decimals");
        }
        return qr[0];
    }
}
