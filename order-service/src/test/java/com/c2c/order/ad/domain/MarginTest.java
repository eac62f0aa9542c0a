package com.c2c.order.ad.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

class MarginTest {

    @Test
    void marginsAreExactHundredthsOfAPercentWithinTwentyPercent() {
        assertEquals(150, Margin.bpsOf(new BigDecimal("1.50")));
        assertEquals(-75, Margin.bpsOf(new BigDecimal("-0.75")));
        assertEquals(2000, Margin.bpsOf(new BigDecimal("20")));
        assertEquals(-2000, Margin.bpsOf(new BigDecimal("-20.00")));
        assertThrows(IllegalArgumentException.class, () -> Margin.bpsOf(new BigDecimal("20.01")));
        assertThrows(IllegalArgumentException.class, () -> Margin.bpsOf(new BigDecimal("1.505")));
        assertEquals(new BigDecimal("-0.75"), Margin.percentOf(-75));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
    void hugeOrOverlongMarginsAreRefusedWithoutScalingThem() {
        assertEquals("is too large", assertThrows(IllegalArgumentException.class,
                () -> Margin.bpsOf(new BigDecimal("1e500000000"))).getMessage());
        assertEquals("must have at most 18 decimal places", assertThrows(IllegalArgumentException.class,
                () -> Margin.bpsOf(new BigDecimal("1e-500000000"))).getMessage());
        // Within the bounds yet far beyond an int of basis points: once an ArithmeticException (a 500).
        assertEquals("must be between -20 and 20 (percent)", assertThrows(IllegalArgumentException.class,
                () -> Margin.bpsOf(new BigDecimal("99999999999999999999"))).getMessage());
        assertEquals("must be between -20 and 20 (percent)", assertThrows(IllegalArgumentException.class,
                () -> Margin.bpsOf(new BigDecimal("-1e25"))).getMessage());
    }

    @Test
    void pricesRoundHalfUpToTheMinorUnit() {
        assertEquals(1013, Margin.price(1000, 125));  // 10.125 → 10.13
        assertEquals(993, Margin.price(1000, -75));   // 9.925 → 9.93
        assertEquals(726, Margin.price(715, 150));    // 7.15 × 1.015 = 7.25725 → 7.26
        assertEquals(572, Margin.price(715, -2000));  // 5.72
        assertEquals(1, Margin.price(1, -2000));      // 0.8 minor → 1: never zero
    }
}
