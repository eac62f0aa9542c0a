package com.c2c.wallet.signer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeesTest {
    private static final long CAP = 500_000_000_000L;

    @Test
    void theFirstOfferIsTwiceTheBaseFeePlusTheTip() {
        assertEquals(new Fees(2_000_000_000L + 1_000_000_000L, 1_000_000_000L),
                Fees.forBaseFee(1_000_000_000L, 1_000_000_000L, CAP));
    }

    @Test
    void aReplacementOutbidsByAnEighthRoundedUp() {
        Fees first = new Fees(1_000_000_001L, 1_000_000_001L);
        Fees bumped = first.bumped(new Fees(1, 0), CAP);
        assertEquals(new Fees(1_125_000_002L, 1_125_000_002L), bumped); // 1_000_000_001 + ceil(1_000_000_001 / 8)
        assertTrue(bumped.outbids(first));
        assertFalse(new Fees(1_125_000_002L, 1_125_000_001L).outbids(first), "the tip must go up by an eighth too");
    }

    @Test
    void aReplacementOffersAtLeastWhatTheChainAsksNow() {
        Fees first = new Fees(10, 1);
        Fees now = new Fees(1_000, 50);
        assertEquals(new Fees(1_000, 50), first.bumped(now, CAP));
    }

    @Test
    void aTinyFeeStillGoesUpAndNothingExceedsTheCeiling() {
        assertEquals(new Fees(2, 1), new Fees(1, 0).bumped(new Fees(1, 0), CAP));
        Fees atCap = new Fees(CAP, 2_000_000_000L);
        Fees bumped = atCap.bumped(new Fees(1, 0), CAP);
        assertEquals(CAP, bumped.maxFeePerGas());
        assertFalse(bumped.outbids(atCap), "at the ceiling there is no replacement to make");
    }

    @Test
    void aTipAboveTheMaximumIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Fees(1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Fees(0, 0));
    }
}
