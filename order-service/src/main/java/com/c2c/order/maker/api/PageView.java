package com.c2c.order.maker.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of a list in (time, id) order. {@code nextCursor} is the position after the last item: pass it as
 * {@code cursor} for the next page, or later to poll for what arrived since (null when the page is empty;
 * keep the cursor you had). {@code hasMore}: the next page is known not to be empty.
 */
public record PageView<T>(List<T> items,
        @Schema(example = "MToxNzM1NzMyODAwOjEyMzQ1NjAwMDo1ZjBjLi4u") String nextCursor, boolean hasMore) {
}
