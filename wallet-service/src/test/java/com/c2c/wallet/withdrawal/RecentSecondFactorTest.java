package com.c2c.wallet.withdrawal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.platform.web.ProblemException;
import jakarta.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A recent second factor: amr has otp, and the sign-in (auth_time, else iat) is at most max-age old. */
class RecentSecondFactorTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static RecentSecondFactor check(Map<String, Object> claims) {
        return new RecentSecondFactor(new StubToken(claims), Duration.ofMinutes(5), CLOCK);
    }

    @Test
    void otpWithinMaxAgePasses() {
        long iat = NOW.minusSeconds(299).getEpochSecond();
        assertDoesNotThrow(() -> check(Map.of("amr", List.of("pwd", "otp"), "iat", iat)).require("approving"));
        // as Quarkus hands a JSON array claim over
        assertDoesNotThrow(() -> check(Map.of("amr", Json.createArrayBuilder().add("pwd").add("otp").build(),
                "iat", Json.createValue(iat))).require("approving"));
    }

    @Test
    void aPasswordOnlyTokenIsRefused() {
        ProblemException refused = assertThrows(ProblemException.class, () -> check(Map.of("amr", List.of("pwd"),
                "iat", NOW.getEpochSecond())).require("approving a withdrawal"));
        assertEquals(403, refused.status());
        assertTrue(refused.getMessage().contains("one-time code"), refused.getMessage());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> check(Map.of("iat", NOW.getEpochSecond())).require("approving")).status());
    }

    @Test
    void anOldSignInIsRefusedAndAuthTimeWinsOverIat() {
        long old = NOW.minusSeconds(301).getEpochSecond();
        assertEquals(403, assertThrows(ProblemException.class,
                () -> check(Map.of("amr", List.of("otp"), "iat", old)).require("approving")).status());
        // a refreshed token is issued now, but the sign-in with the code was long ago
        assertEquals(403, assertThrows(ProblemException.class, () -> check(Map.of("amr", List.of("otp"),
                "iat", NOW.getEpochSecond(), "auth_time", old)).require("approving")).status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> check(Map.of("amr", List.of("otp"))).require("approving")).status());
    }
}
