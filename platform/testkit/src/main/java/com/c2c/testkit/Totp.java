package com.c2c.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticator app for tests: the current time-based one-time code (RFC 6238 with the realm's OTP
 * policy: HMAC-SHA1, 6 digits, 30-second steps) for a secret stored in Keycloak as an OTP credential.
 *
 * <p>Keycloak keys the HMAC with the UTF-8 bytes of the stored secret value (no {@code secretEncoding} in
 * the credential data), so the same bytes are used here; {@link #base32()} is that key as an
 * authenticator app expects it.
 */
public final class Totp {
    public static final int DIGITS = 6;
    public static final long PERIOD_SECONDS = 30;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private final String secret;

    public Totp(String secret) {
        this.secret = secret;
    }

    /** The secret value as Keycloak stores it. */
    public String secret() {
        return secret;
    }

    /** The time step {@code at} falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** When the step after {@code at}'s begins: a code used at {@code at} is fresh again from then. */
    public static Instant nextStep(Instant at) {
        return Instant.ofEpochSecond((step(at) + 1) * PERIOD_SECONDS);
    }

    /** The code for the step {@code at} falls in. */
    public String codeAt(Instant at) {
        return codeForStep(step(at));
    }

    /** The code right now. */
    public String now() {
        return codeAt(Instant.now());
    }

    String codeForStep(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            // dynamic truncation (RFC 4226 section 5.3)
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % POWERS[DIGITS]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** The key in base32 (RFC 4648, no padding), as an authenticator app takes it. */
    public String base32() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
