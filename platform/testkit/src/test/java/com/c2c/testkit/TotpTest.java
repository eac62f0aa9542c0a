package com.c2c.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {
    // RFC 6238 appendix B (SHA-1 key "12345678901234567890"; its 8-digit codes, here their last 6 digits)
    private final Totp rfc = new Totp("12345678901234567890");

    @Test
    void codesAreThoseOfRfc6238() {
        assertEquals("287082", rfc.codeAt(Instant.ofEpochSecond(59)));
        assertEquals("081804", rfc.codeAt(Instant.ofEpochSecond(1111111109)));
        assertEquals("050471", rfc.codeAt(Instant.ofEpochSecond(1111111111)));
        assertEquals("005924", rfc.codeAt(Instant.ofEpochSecond(1234567890)));
        assertEquals("279037", rfc.codeAt(Instant.ofEpochSecond(2000000000)));
    }

    @Test
    void stepsAreThirtySeconds() {
        assertEquals(Instant.ofEpochSecond(60), Totp.nextStep(Instant.ofEpochSecond(59)));
        assertEquals(Instant.ofEpochSecond(90), Totp.nextStep(Instant.ofEpochSecond(60)));
    }

    @Test
    void base32IsTheKeyAnAppTakes() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", rfc.base32());
    }
}
