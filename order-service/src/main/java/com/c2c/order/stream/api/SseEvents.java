package com.c2c.order.stream.api;

import com.c2c.order.stream.StreamItem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/** How a stream's items are written as Server-Sent Events, for both streams. */
final class SseEvents {
    private SseEvents() {
    }

    /** The position to resume from: the Last-Event-ID header, else the query parameter. */
    static String resumeFrom(String header, String param) {
        return header != null && !header.isBlank() ? header : param;
    }

    static OutboundSseEvent of(StreamItem item, Sse sse) {
        return switch (item) {
            // The payload is JSON already: sent as text, on one data line.
            case StreamItem.Entry e -> sse.newEventBuilder().id(e.entry().position().eventId())
                    .name(e.entry().type()).mediaType(MediaType.TEXT_PLAIN_TYPE).data(e.entry().payload()).build();
            case StreamItem.Heartbeat h -> sse.newEventBuilder().comment("heartbeat").build();
            // No id: the client's last event id stays that of the last entry it received.
            case StreamItem.End end -> sse.newEventBuilder().name("stream.end").mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data("{\"reason\":\"" + end.reason() + "\",\"detail\":\"" + end.detail() + "\"}").build();
        };
    }
}
