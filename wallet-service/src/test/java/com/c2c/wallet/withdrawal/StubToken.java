package com.c2c.wallet.withdrawal;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token's claims for {@link RecentSecondFactor}, where the test decides them: how the approval rules are
 * tried below the HTTP layer until the realm issues tokens with a second factor.
 */
record StubToken(Map<String, Object> claims) implements JsonWebToken {
    static StubToken withOtp(long issuedAt) {
        return new StubToken(Map.of("amr", java.util.List.of("pwd", "otp"), "iat", issuedAt));
    }

    static StubToken recentOtp() {
        return withOtp(java.time.Instant.now().getEpochSecond());
    }

    @Override
    public String getName() {
        return "stub";
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) claims.get(claimName);
    }
}
