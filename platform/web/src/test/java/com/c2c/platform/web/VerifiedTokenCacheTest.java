package com.c2c.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The rules of the verified-token cache: exact token, strictly before expiry, bounded. */
class VerifiedTokenCacheTest {
    private static final long NOW = 1_000_000L;

    @Test
    void aTokenIsGoodUntilItsExpiryAndNotAMillisecondLonger() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10, 300_000);
        cache.put("a.b.c", "alice", NOW + 60_000, NOW);
        assertEquals("alice", cache.get("a.b.c", NOW));
        assertEquals("alice", cache.get("a.b.c", NOW + 59_999));
        assertNull(cache.get("a.b.c", NOW + 60_000));
        assertEquals(0, cache.size(), "an expired entry is dropped when read");
    }

    @Test
    void theMaxAgeEndsAnEntryBeforeALongLivedTokenDoes() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10, 5_000);
        cache.put("a.b.c", "alice", NOW + 3_600_000, NOW);
        assertEquals("alice", cache.get("a.b.c", NOW + 4_999));
        assertNull(cache.get("a.b.c", NOW + 5_000));
    }

    @Test
    void onlyTheExactTokenMatches() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10, 300_000);
        cache.put("header.payload.signature", "alice", NOW + 60_000, NOW);
        assertNull(cache.get("header.payload.signaturf", NOW));
        assertNull(cache.get("header.payloae.signature", NOW));
        assertNull(cache.get("header.payload.signature ", NOW));
    }

    @Test
    void aTokenAlreadyExpiredOrWithoutExpiryIsNotRemembered() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10, 300_000);
        cache.put("expired", "alice", NOW, NOW);
        cache.put("no-exp", "bob", 0, NOW);
        assertEquals(0, cache.size());
    }

    @Test
    void whenFullExpiredEntriesMakeRoomAndLiveOnesAreKept() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(2, 300_000);
        cache.put("t1", "one", NOW + 1_000, NOW);
        cache.put("t2", "two", NOW + 60_000, NOW);
        cache.put("t3", "three", NOW + 60_000, NOW + 10); // full, nothing expired: not remembered
        assertNull(cache.get("t3", NOW + 10));
        assertEquals(2, cache.size());
        cache.put("t3", "three", NOW + 60_000, NOW + 2_000); // t1 has expired: it makes room
        assertEquals("three", cache.get("t3", NOW + 2_000));
        assertEquals("two", cache.get("t2", NOW + 2_000));
        assertNull(cache.get("t1", NOW + 2_000));
    }

    @Test
    void zeroEntriesTurnsItOff() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(0, 300_000);
        assertFalse(cache.enabled());
        cache.put("a.b.c", "alice", NOW + 60_000, NOW);
        assertNull(cache.get("a.b.c", NOW));
    }
}
