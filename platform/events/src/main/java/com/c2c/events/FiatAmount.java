package com.c2c.events;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Fiat amounts (and prices in fiat per USDT) travel as {@code long} minor units of their ISO 4217
 * currency (cents for EUR, fen for CNY, yen for JPY) and as decimal strings at the edges.
 */
public final class FiatAmount {
    private FiatAmount() {
    }

    /** The ISO 4217 currency, or an IllegalArgumentException naming what is wrong. */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("must be a three-letter ISO 4217 code such as EUR or CNY");
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                throw new IllegalArgumentException("is not a currency people pay with");
            }
            return currency;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not an ISO 4217 currency code");
        }
    }

    /**
     * Exact conversion; fails if the value is not positive or has more decimals than the currency. The
     * bounds of {@link Decimals} are checked first, again: this scales the value, which is only cheap within them.
     */
    public static long toMinor(BigDecimal amount, Currency currency) {
        Decimals.check(amount);
        int scale = currency.getDefaultFractionDigits();
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("must be greater than zero");
        }
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException("must have at most " + scale + " decimal places for " + currency);
        }
        try {
            return amount.movePointRight(scale).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("is too large");
        }
    }

    public static BigDecimal fromMinor(long minor, Currency currency) {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
    }

    /** The market id for an asset/fiat pair, e.g. {@code USDT-CNY}: the Kafka key of everything on its book. */
    public static String market(String asset, Currency fiat) {
        return asset + "-" + fiat.getCurrencyCode();
    }
}
