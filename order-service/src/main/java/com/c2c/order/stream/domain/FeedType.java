package com.c2c.order.stream.domain;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of feed entries, by the SSE event name a client sees, and which stream carries them. */
public enum FeedType {
    /** A taker order's status changed (placed, matched, rejected, cancelled). */
    ORDER_STATUS("order.status"),
    /** A trade's status changed, for both its buyer and its seller. */
    TRADE_STATUS("trade.status"),
    /** An ad's status changed (its owner's, through the ad state machine). */
    AD_STATUS("ad.status"),
    /** The book matched part of one of the owner's ads. */
    FILL("fill");

    /** What {@code GET /api/v1/stream} carries: a trader's orders and trades. */
    public static final Set<FeedType> TRADER = EnumSet.of(ORDER_STATUS, TRADE_STATUS);
    /** What {@code GET /api/v1/maker/stream} carries: everything of the owner's. */
    public static final Set<FeedType> MAKER = EnumSet.allOf(FeedType.class);

    private final String eventName;

    FeedType(String eventName) {
        this.eventName = eventName;
    }

    public String eventName() {
        return eventName;
    }
}
