package com.c2c.order.trade.domain;

/**
 * A trade's status as its parties see it on their orders: OPENED when the book matched it, then escrow's
 * steps. The rank orders them, so an event that arrives late (escrow's events travel on another topic
 * than the book's, and each consumer runs at its own pace) never moves a trade backwards.
 */
public enum TradeStatus {
    OPENED(0), LOCKED(1), PAID(2), DISPUTED(3), COMPLETED(4), RESOLVED_RELEASED(4), CANCELLED(4),
    RESOLVED_REFUNDED(4);

    private final int rank;

    TradeStatus(int rank) {
        this.rank = rank;
    }

    /** Whether a trade now in {@code current} may move to this status (only forward; a final status stays). */
    public boolean follows(TradeStatus current) {
        return rank > current.rank;
    }

    public boolean isFinal() {
        return rank == 4;
    }

    /** The status an escrow event reports, or the event type's own when the status is missing or unknown. */
    public static TradeStatus reported(String status, TradeStatus byType) {
        if (status != null) {
            for (TradeStatus s : values()) {
                if (s.name().equals(status)) {
                    return s;
                }
            }
        }
        return byType;
    }
}
