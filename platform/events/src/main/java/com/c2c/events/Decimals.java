package com.c2c.events;

import java.math.BigDecimal;

/**
 * The bounds every decimal from outside (a JSON body, a query parameter) is held to where it is parsed,
 * before any arithmetic touches it. A {@link BigDecimal} is cheap to parse however large its exponent
 * ({@code 1e500000000} is one digit and a scale), but scaling or converting it is not: turning that one
 * into a long builds a 500-million-digit integer, minutes of CPU for one request. Within these bounds
 * every conversion the platform does costs microseconds.
 *
 * <p>The bounds are generous for money and tight for arithmetic: every amount ends up as a {@code long}
 * of minor units (at most 19 digits), so
 * <ul>
 * <li>{@value #MAX_PRECISION} significant digits hold any such amount written out with its decimals and
 * some trailing zeros to spare ({@code "1000.000000000000000000"});</li>
 * <li>{@value #MAX_SCALE} decimal places are the most any asset uses (ERC-20 tokens; USDT itself has 6,
 * fiat at most 4); a value with more is no amount of anything;</li>
 * <li>{@value #MAX_INTEGER_DIGITS} digits before the point bound the exponent (a negative scale, as in
 * {@code 1E+40}): far beyond {@link Long#MAX_VALUE} (19 digits), so a merely too-large amount still gets
 * the conversion's own "is too large", yet the largest value passed on has at most 30 + 18 digits once
 * scaled to any unit.</li>
 * </ul>
 * Values out of bounds are refused with an IllegalArgumentException whose message says what is wrong, in
 * the terms of {@code ProblemException.field}.
 */
public final class Decimals {
    public static final int MAX_PRECISION = 30;
    public static final int MAX_SCALE = 18;
    public static final int MAX_INTEGER_DIGITS = 30;
    /**
     * Text longer than this is refused before it is parsed: parsing is quadratic in the digits, and the
     * longest text within the bounds is 30 digits, a sign, a point and a short exponent.
     */
    public static final int MAX_TEXT_LENGTH = 64;

    private Decimals() {
    }

    /** The decimal written in {@code text} (plain or scientific notation), within the bounds. */
    public static BigDecimal parse(String text) {
        String trimmed = text.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("is too long for a number (at most " + MAX_TEXT_LENGTH + " characters)");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a decimal number such as 500.00");
        }
        return check(value);
    }

    /** {@code value} itself, if it is within the bounds. */
    public static BigDecimal check(BigDecimal value) {
        if (value.scale() > MAX_SCALE) {
            throw new IllegalArgumentException("must have at most " + MAX_SCALE + " decimal places");
        }
        if (value.precision() > MAX_PRECISION) {
            throw new IllegalArgumentException("must have at most " + MAX_PRECISION + " significant digits");
        }
        // precision - scale is the count of digits before the point (for scale < 0, the digits plus the zeros
        // the exponent adds); computed in long because the scale can be as small as Integer.MIN_VALUE + 1.
        if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("is too large");
        }
        return value;
    }
}
