package com.c2c.chain.scan.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogRangeTest {
    @Test
    void aRefusedRangeIsHalvedDownToOneBlock() {
        LogRange range = new LogRange(2000);
        assertEquals(2000, range.blocks());
        assertTrue(range.refused());
        assertEquals(1000, range.blocks());
        for (int i = 0; i < 9; i++) {
            assertTrue(range.refused());
        }
        assertEquals(1, range.blocks());
        assertFalse(range.refused(), "one block cannot shrink further");
        assertEquals(1, range.blocks());
    }

    @Test
    void answersGrowItBackToTheMaximumAndNoFurther() {
        LogRange range = new LogRange(100);
        range.refused();
        range.refused();
        assertEquals(25, range.blocks());
        for (int i = 0; i < LogRange.GROW_AFTER - 1; i++) {
            range.answered();
        }
        assertEquals(25, range.blocks(), "grows only after a run of answers");
        range.answered();
        assertEquals(50, range.blocks());
        for (int i = 0; i < 10 * LogRange.GROW_AFTER; i++) {
            range.answered();
        }
        assertEquals(100, range.blocks());
    }

    @Test
    void aRefusalBreaksTheRunOfAnswers() {
        LogRange range = new LogRange(64);
        range.refused();
        for (int i = 0; i < LogRange.GROW_AFTER - 1; i++) {
            range.answered();
        }
        range.refused();
        range.answered();
        assertEquals(16, range.blocks());
    }

    @Test
    void theRangeEndsAtTheHead() {
        LogRange range = new LogRange(10);
        assertEquals(109, range.end(100, 500));
        assertEquals(104, range.end(100, 104));
        assertEquals(100, range.end(100, 100));
    }

    @Test
    void aMaximumBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LogRange(0));
    }
}
