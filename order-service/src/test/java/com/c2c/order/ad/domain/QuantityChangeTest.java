package com.c2c.order.ad.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Setting an ad's total: what traded counts against it, a raise is reserved first, a cut only off the book. */
class QuantityChangeTest {
    private static final long USDT = 1_000_000L;

    private static QuantityChange.Counts ad(AdStatus status, BookPresence presence, long total, long pending,
            long remaining, long traded) {
        return new QuantityChange.Counts(status, presence, total * USDT, pending * USDT, remaining * USDT,
                traded * USDT);
    }

    @Test
    void theSameTotalAgainIsNoChangeWhateverTraded() {
        QuantityChange.Counts partlyFilled = ad(AdStatus.ACTIVE, BookPresence.LISTED, 1000, 0, 700, 300);
        assertEquals(new QuantityChange.None(), QuantityChange.of(partlyFilled, 1000 * USDT));
        assertEquals(new QuantityChange.None(), QuantityChange.of(ad(AdStatus.CANCELLED, BookPresence.OFF, 1000, 0, 0,
                300), 1000 * USDT), "nothing to change is not refused, whatever the status");
    }

    @Test
    void aRaiseIsTheDifferenceOnTheBookOrOff() {
        assertEquals(new QuantityChange.Raise(500 * USDT), QuantityChange.of(
                ad(AdStatus.ACTIVE, BookPresence.LISTED, 1000, 0, 700, 300), 1500 * USDT));
        assertEquals(new QuantityChange.Raise(1 * USDT), QuantityChange.of(
                ad(AdStatus.PAUSED, BookPresence.WITHDRAWING, 1000, 0, 700, 300), 1001 * USDT));
    }

    @Test
    void aCutLeavesWhatTradedAndNeedsTheAdOffTheBook() {
        assertEquals(new QuantityChange.Cut(200 * USDT), QuantityChange.of(
                ad(AdStatus.PAUSED, BookPresence.OFF, 1000, 0, 700, 300), 800 * USDT));
        assertEquals(new QuantityChange.Cut(700 * USDT), QuantityChange.of(
                ad(AdStatus.ACTIVE, BookPresence.OFF, 1000, 0, 700, 300), 300 * USDT), "down to what traded");
        QuantityChange belowTraded = QuantityChange.of(ad(AdStatus.PAUSED, BookPresence.OFF, 1000, 0, 700, 300),
                299 * USDT);
        assertTrue(((QuantityChange.Refused) belowTraded).why().contains("already traded (300.000000 USDT)"));
        assertTrue(((QuantityChange.Refused) QuantityChange.of(ad(AdStatus.ACTIVE, BookPresence.LISTED, 1000, 0,
                700, 300), 800 * USDT)).why().contains("pause it first"));
        assertTrue(((QuantityChange.Refused) QuantityChange.of(ad(AdStatus.PAUSED, BookPresence.WITHDRAWING, 1000, 0,
                700, 300), 800 * USDT)).why().contains("not yet confirmed"));
    }

    @Test
    void onlyAnOpenFundedAdWithNoRaiseInFlightChanges() {
        for (AdStatus status : new AdStatus[] {AdStatus.PENDING_FUNDING, AdStatus.CANCELLED, AdStatus.REJECTED}) {
            assertInstanceOf(QuantityChange.Refused.class, QuantityChange.of(ad(status, BookPresence.OFF, 1000, 0,
                    1000, 0), 2000 * USDT), status.name());
        }
        assertInstanceOf(QuantityChange.Refused.class, QuantityChange.of(ad(AdStatus.ACTIVE, BookPresence.LISTED,
                1500, 500, 1000, 0), 2000 * USDT));
        assertEquals(new QuantityChange.None(), QuantityChange.of(ad(AdStatus.ACTIVE, BookPresence.LISTED, 1500, 500,
                1000, 0), 1500 * USDT), "the raise in flight is part of the total already");
    }
}
