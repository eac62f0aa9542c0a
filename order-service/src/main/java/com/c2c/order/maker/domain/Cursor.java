package com.c2c.order.maker.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in a list ordered by (time, id), handed to the client as an opaque string. The next page is
 * everything strictly after it, so rows inserted meanwhile never shift a page: they come after (a new row
 * is younger) and nothing is seen twice.
 */
public record Cursor(Instant at, UUID id) {
    private static final String VERSION = "1";

    public String encode() {
        String plain = VERSION + ":" + at.getEpochSecond() + ":" + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor in {@code text}, null for none; IllegalArgumentException when it is not one this API gave out. */
    public static Cursor decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8)
                    .split(":");
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException();
            }
            return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                    UUID.fromString(parts[3]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a cursor this API gave out; start without one");
        }
    }
}
