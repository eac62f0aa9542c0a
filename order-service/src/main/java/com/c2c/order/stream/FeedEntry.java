package com.c2c.order.stream;

import com.c2c.order.stream.domain.FeedPosition;

/** One feed row as a stream sends it: its position (the event id), its type's event name, its JSON payload. */
public record FeedEntry(FeedPosition position, String type, String payload) {
}
