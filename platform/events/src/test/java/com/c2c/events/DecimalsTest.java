package com.c2c.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Decimals from outside are bounded before any arithmetic; the conversions check again. Each test has a
 * deadline run on its own thread: without the bounds, scaling 1e500000000 takes minutes.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class DecimalsTest {
    private static final Currency CNY = Currency.getInstance("CNY");

    @Test
    void amountsWithinTheBoundsAreReadExactly() {
        assertEquals(new BigDecimal("1000.5"), Decimals.parse(" 1000.5 "));
        assertEquals(new BigDecimal("1E+3"), Decimals.parse("1e3"));
        assertEquals(new BigDecimal("0.000000000000000001"), Decimals.parse("0.000000000000000001"));
        assertEquals(new BigDecimal("-92233720368547.758070"), Decimals.parse("-92233720368547.758070"));
        assertEquals(new BigDecimal("123456789012345678901234567890"),
                Decimals.parse("123456789012345678901234567890"));
    }

    @Test
    void hugeAndTinyExponentsAreRefusedBeforeAnyArithmetic() {
        refused("is too large", "1e500000000");
        refused("is too large", "-1e500000000");
        refused("is too large", "1e31");
        refused("must have at most 18 decimal places", "1e-500000000");
        refused("must have at most 18 decimal places", "0.0000000000000000001");
        refused("must have at most 30 significant digits", "99999999999999999999999999999999999999");
        refused("must have at most 30 significant digits", "12345678901234567890123456789.01");
    }

    @Test
    void textThatIsNoNumberOrTooLongIsRefusedWithoutParsingIt() {
        refused("must be a decimal number such as 500.00", "NaN");
        refused("must be a decimal number such as 500.00", "1,5");
        refused("must be a decimal number such as 500.00", "");
        refused("is too long for a number (at most 64 characters)", "9".repeat(1_000_000));
    }

    @Test
    void theConversionsCheckTheBoundsAgainBeforeScaling() {
        BigDecimal huge = new BigDecimal("1e500000000");
        assertEquals("is too large", assertThrows(IllegalArgumentException.class, () -> UsdtAmount.toMicros(huge))
                .getMessage());
        assertEquals("is too large", assertThrows(IllegalArgumentException.class, () -> FiatAmount.toMinor(huge, CNY))
                .getMessage());
        // Within the bounds but beyond a long: the conversion's own answer.
        assertEquals("is too large", assertThrows(IllegalArgumentException.class,
                () -> UsdtAmount.toMicros(new BigDecimal("1e25"))).getMessage());
        assertEquals(1_000_500_000L, UsdtAmount.toMicros(new BigDecimal("1000.5")));
        assertEquals(720L, FiatAmount.toMinor(new BigDecimal("7.20"), CNY));
    }

    private static void refused(String message, String text) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Decimals.parse(text)).getMessage(),
                text.length() > 40 ? text.substring(0, 40) : text);
    }
}
