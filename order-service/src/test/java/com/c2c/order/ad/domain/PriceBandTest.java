package com.c2c.order.ad.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceBandTest {

    @Test
    void theBandIsRoundedInwardSoNoPriceInItIsFurtherThanTheSetting() {
        PriceBand band = new PriceBand(720, 500); // 7.20 ± 5 %: 6.84 .. 7.56 exactly
        assertEquals(684, band.lowest());
        assertEquals(756, band.highest());
        PriceBand uneven = new PriceBand(733, 500); // 6.9635 .. 7.6965
        assertEquals(697, uneven.lowest());
        assertEquals(769, uneven.highest());
        assertTrue(uneven.contains(697) && uneven.contains(769));
        assertFalse(uneven.contains(696) || uneven.contains(770));
    }

    @Test
    void aTakersDefaultLimitIsTheBandsWorstEdgeForItsSide() {
        PriceBand band = new PriceBand(8300, 500);
        assertEquals(8715, band.worstFor(Side.BUY)); // pays at most 87.15
        assertEquals(7885, band.worstFor(Side.SELL)); // receives at least 78.85
        assertEquals(1, new PriceBand(1, 9_999).lowest()); // never below one minor unit
    }

    @Test
    void settingsArePercentagesAbove0AndBelow100() {
        assertEquals(500, PriceBand.bpsOf(new BigDecimal("5")));
        assertEquals(250, PriceBand.bpsOf(new BigDecimal("2.50")));
        assertEquals(2000, PriceBand.bpsOf(new BigDecimal("20")));
        assertThrows(IllegalArgumentException.class, () -> PriceBand.bpsOf(BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> PriceBand.bpsOf(new BigDecimal("100")));
        assertThrows(IllegalArgumentException.class, () -> PriceBand.bpsOf(new BigDecimal("1.255")));
        assertThrows(IllegalArgumentException.class, () -> PriceBand.bpsOf(new BigDecimal("1e500000000")));
    }
}
