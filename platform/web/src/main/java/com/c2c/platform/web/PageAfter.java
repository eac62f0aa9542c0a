package com.c2c.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * What a client asked of a list: at most {@code limit} rows strictly after {@code after} in the list's
 * order (from the start when {@code after} is null). A list's query selects {@link #fetch()} rows, one more
 * than it answers, so that {@link #page} knows whether anything follows without counting.
 */
public record PageAfter<P extends Record>(P after, int limit) {
    public PageAfter {
        if (limit < 1 || limit > PageParams.MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " is out of bounds");
        }
    }

    /** How many rows to select: the page and one to tell whether there is more. */
    public int fetch() {
        return limit + 1;
    }

    /**
     * The page of {@code rows} (what the query selected, in the list's order, at most {@link #fetch()}),
     * its next cursor the position of its last row.
     */
    public <T> Page<T> page(List<T> rows, Function<T, P> position) {
        List<T> items = List.copyOf(rows.subList(0, Math.min(limit, rows.size())));
        String next = items.isEmpty() ? null : Cursor.encode(position.apply(items.getLast()));
        return new Page<>(items, next, rows.size() > limit);
    }
}
