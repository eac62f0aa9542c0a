package com.c2c.order.maker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The maker API's small rules: client ad ids, heartbeat bounds (cursors are platform/web's CursorTest). */
class MakerDomainTest {

    @Test
    void clientAdIdsAreShortAndPlain() {
        assertTrue(ClientAdId.valid("cny-sell.1_A"));
        assertTrue(ClientAdId.valid("x".repeat(64)));
        assertFalse(ClientAdId.valid("x".repeat(65)));
        assertFalse(ClientAdId.valid(""));
        assertFalse(ClientAdId.valid(null));
        assertFalse(ClientAdId.valid("with space"));
        assertFalse(ClientAdId.valid("ünïcode"));
    }

    @Test
    void heartbeatIntervalsAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> new HeartbeatPolicy(4));
        assertThrows(IllegalArgumentException.class, () -> new HeartbeatPolicy(3601));
        Instant beat = Instant.parse("2025-01-01T12:00:00Z");
        assertEquals(beat.plusSeconds(5), new HeartbeatPolicy(5).deadlineAfter(beat));
        assertEquals(beat.plusSeconds(3600), new HeartbeatPolicy(3600).deadlineAfter(beat));
    }
}
