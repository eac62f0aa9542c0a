package com.c2c.order.stream;

/** What a live stream sends: a feed entry, a heartbeat comment, or its end (the token expired). */
public sealed interface StreamItem {

    record Entry(FeedEntry entry) implements StreamItem {
    }

    record Heartbeat() implements StreamItem {
    }

    record End(String reason, String detail) implements StreamItem {
    }
}
