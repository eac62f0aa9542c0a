package com.c2c.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every list reads ?cursor and ?limit the same way and answers the same page shape. */
class PageParamsTest {
    private static final TimeAndId POSITION = new TimeAndId(Instant.parse("2026-01-01T00:00:00Z"), UUID.randomUUID());

    @Test
    void absentParametersAskForTheStartWithTheDefaultLimit() {
        assertEquals(new PageAfter<TimeAndId>(null, 50), new PageParams(null, null).after(TimeAndId.class));
        assertEquals(new PageAfter<TimeAndId>(null, 50), new PageParams(" ", "").after(TimeAndId.class));
        assertEquals(new PageAfter<>(POSITION, 7),
                new PageParams(" " + Cursor.encode(POSITION) + " ", " 7 ").after(TimeAndId.class));
        assertEquals(100, new PageParams(null, "100").after(TimeAndId.class).limit());
        assertEquals(1, new PageParams(null, "1").after(TimeAndId.class).limit());
    }

    @Test
    void limitsOutOfBoundsOrNotWholeNumbersAreRefusedNamingLimit() {
        refused("limit", "must be between 1 and 100", null, "0");
        refused("limit", "must be between 1 and 100", null, "101");
        refused("limit", "must be between 1 and 100", null, "-1");
        refused("limit", "must be between 1 and 100", null, "2147483648");
        refused("limit", "must be between 1 and 100", null, "9".repeat(10_000));
        refused("limit", "must be a whole number between 1 and 100", null, "1e3");
        refused("limit", "must be a whole number between 1 and 100", null, "1.5");
        refused("limit", "must be a whole number between 1 and 100", null, "NaN");
    }

    @Test
    void aCursorThisApiDidNotGiveOutIsRefusedNamingCursor() {
        refused("cursor", "is not a cursor this API gave out; start without one", "nope", null);
        refused("cursor", "is not a cursor this API gave out; start without one", "%00", "10");
    }

    @Test
    void aPageTellsWhetherMoreFollowsFromTheOneExtraRowAndPointsAfterItsLast() {
        PageAfter<TimeAndId> ask = new PageAfter<>(null, 2);
        assertEquals(3, ask.fetch());
        List<TimeAndId> rows = List.of(position(1), position(2), position(3));

        Page<TimeAndId> full = ask.page(rows, p -> p);
        assertEquals(rows.subList(0, 2), full.items());
        assertTrue(full.hasMore());
        assertEquals(position(2), Cursor.decode(full.nextCursor(), TimeAndId.class));

        Page<TimeAndId> last = ask.page(rows.subList(0, 2), p -> p);
        assertFalse(last.hasMore());
        assertEquals(position(2), Cursor.decode(last.nextCursor(), TimeAndId.class));

        // Nothing after the cursor (yet): no position to move to, so the client keeps the one it sent.
        Page<TimeAndId> empty = ask.page(List.of(), p -> p);
        assertEquals(List.of(), empty.items());
        assertNull(empty.nextCursor());
        assertFalse(empty.hasMore());

        assertEquals(List.of("1", "2"), full.map(p -> "" + p.at().getEpochSecond()).items());
    }

    private static TimeAndId position(int second) {
        return new TimeAndId(Instant.ofEpochSecond(second), new UUID(0, second));
    }

    private static void refused(String field, String message, String cursor, String limit) {
        ProblemException e = assertThrows(ProblemException.class, () -> new PageParams(cursor, limit).after(TimeAndId.class));
        Problem problem = e.toProblem("/list");
        assertEquals(400, problem.status());
        assertEquals(field, problem.errors().get(0).field());
        assertEquals(message, problem.errors().get(0).message());
    }
}
