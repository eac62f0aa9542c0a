package com.c2c.platform.web;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens already verified, each until it expires: the bookkeeping behind {@link VerifiedTokens}, kept apart so
 * its rules can be tested without a server.
 *
 * <p>The key is the whole token as the client sent it, signature included: a token that differs in one byte (a
 * tampered claim, another signature) is a different key and is verified in full. An entry is good strictly before its
 * expiry, which is the token's own {@code exp} or {@code maxAgeMillis} after it was verified, whichever comes first.
 * The cache is bounded: when it holds {@code maxEntries} tokens it first drops those that have expired, and if none
 * has, it remembers no more until some do (a token not remembered is simply verified again).
 *
 * @param <T> what a verification produced (the caller's identity)
 */
final class VerifiedTokenCache<T> {
    private record Entry<T>(T verified, long goodUntilMillis) {
    }

    private final ConcurrentHashMap<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxAgeMillis;

    VerifiedTokenCache(int maxEntries, long maxAgeMillis) {
        this.maxEntries = maxEntries;
        this.maxAgeMillis = maxAgeMillis;
    }

    boolean enabled() {
        return maxEntries > 0 && maxAgeMillis > 0;
    }

    /** What verifying {@code token} produced, if it was verified and is still good at {@code nowMillis}; else null. */
    T get(String token, long nowMillis) {
        Entry<T> entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowMillis >= entry.goodUntilMillis()) {
            entries.remove(token, entry);
            return null;
        }
        return entry.verified();
    }

    /**
     * Remembers that {@code token} verified as {@code verified} at {@code nowMillis} and expires at
     * {@code expiresAtMillis} (its {@code exp}); a token without a usable expiry is not remembered.
     */
    void put(String token, T verified, long expiresAtMillis, long nowMillis) {
        long goodUntil = Math.min(expiresAtMillis, nowMillis + maxAgeMillis);
        if (!enabled() || goodUntil <= nowMillis) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> nowMillis >= e.goodUntilMillis());
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(token, new Entry<>(verified, goodUntil));
    }

    int size() {
        return entries.size();
    }
}
