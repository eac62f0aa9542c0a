package com.c2c.chain.scan.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfirmationTest {
    @Test
    void theDepositsOwnBlockIsItsFirstConfirmation() {
        assertEquals(1, Confirmation.depth(100, 100));
        assertEquals(12, Confirmation.depth(100, 111));
        assertEquals(0, Confirmation.depth(100, 99));
    }

    @Test
    void confirmedAtTheRequiredDepthNotBefore() {
        assertFalse(Confirmation.confirmed(100, "h", "h", 110, 12));
        assertTrue(Confirmation.confirmed(100, "h", "h", 111, 12));
        assertEquals(100, Confirmation.deepestUnconfirmable(111, 12));
    }

    @Test
    void neverWhenItsBlockIsNoLongerTheCanonicalOne() {
        assertFalse(Confirmation.confirmed(100, "h", "other", 200, 12));
        assertTrue(Confirmation.confirmed(100, "h", null, 200, 12), "older than the kept window: final");
    }
}
