package com.c2c.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every list's position travels through one codec: written, read back, and anything else refused alike. */
class CursorTest {
    private static final UUID ID = UUID.fromString("5f0c2a8e-4d1b-4c8e-9a57-2b1f3e6d7c10");
    private static final Instant AT = Instant.parse("2025-01-01T12:00:00.123456Z");

    record PriceTimeAndId(long price, Instant at, UUID id) {
    }

    record EntryId(long id) {
    }

    @Test
    void aPositionReadsBackAsItWasWritten() {
        assertEquals(new TimeAndId(AT, ID), Cursor.decode(Cursor.encode(new TimeAndId(AT, ID)), TimeAndId.class));
        assertEquals(new PriceTimeAndId(-720, AT, ID),
                Cursor.decode(Cursor.encode(new PriceTimeAndId(-720, AT, ID)), PriceTimeAndId.class));
        assertEquals(new EntryId(Long.MAX_VALUE), Cursor.decode(Cursor.encode(new EntryId(Long.MAX_VALUE)), EntryId.class));
    }

    @Test
    void aTimeAndIdCursorIsTheOneTheMakerApiGaveOutBefore() {
        // The maker API's cursors were base64url of "1:<seconds>:<nanos>:<uuid>": they must still read.
        String before = b64("1:1735732800:123456000:" + ID);
        assertEquals(before, Cursor.encode(new TimeAndId(AT, ID)));
        assertEquals(new TimeAndId(AT, ID), Cursor.decode(before, TimeAndId.class));
    }

    @Test
    void whatThisApiDidNotWriteIsRefusedTheSameWay() {
        String timeAndId = Cursor.encode(new TimeAndId(AT, ID));
        for (String junk : new String[] {"not-a-cursor", "!!!", "", b64("2:1735732800:0:" + ID), b64("1:x:0:" + ID),
                b64("1:1735732800:0:" + ID + ":7"), b64("1:1735732800:0"), b64("1:" + Long.MAX_VALUE + ":0:" + ID),
                b64("1:1:0:not-a-uuid"), "A".repeat(Cursor.MAX_LENGTH + 1)}) {
            refused(junk, TimeAndId.class);
        }
        // A position of another list's shape is not one of this list's.
        refused(timeAndId, EntryId.class);
        refused(timeAndId, PriceTimeAndId.class);
        refused(Cursor.encode(new EntryId(5)), TimeAndId.class);
    }

    private static void refused(String text, Class<? extends Record> type) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cursor.decode(text, type), text);
        assertEquals("is not a cursor this API gave out; start without one", e.getMessage());
    }

    private static String b64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
