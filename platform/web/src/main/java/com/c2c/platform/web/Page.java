package com.c2c.platform.web;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, the answer of every list endpoint, in the list's order. No class-level {@code @Schema}:
 * that would put an unparameterised "Page" into every service's OpenAPI document, used or not; each list's
 * own schema (PageAdView, ...) is made from its return type.
 */
public record Page<T>(
        @Schema(description = "This page's rows, at most limit", required = true) List<T> items,
        @Schema(description = "The position after the last item: send it as cursor for the rows after this page,"
                + " now or later (rows that arrive meanwhile behind it are then included, none twice). Null when"
                + " the page is empty: keep the cursor you sent.", nullable = true,
                example = "MToxNzM1NzMyODAwOjA6NWYwYzJhOGUtNGQxYi00YzhlLTlhNTctMmIxZjNlNmQ3YzEw")
        String nextCursor,
        @Schema(description = "Whether rows after this page existed when it was read", required = true)
        boolean hasMore) {

    /** The same page with each item turned into {@code view} (an entity into what the API answers). */
    public <V> Page<V> map(Function<T, V> view) {
        return new Page<>(items.stream().map(view).toList(), nextCursor, hasMore);
    }
}
