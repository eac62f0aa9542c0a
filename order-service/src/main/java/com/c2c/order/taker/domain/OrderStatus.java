package com.c2c.order.taker.domain;

/**
 * A taker order as its owner sees it; its trade's own statuses follow once it is MATCHED.
 * PENDING_FUNDING: a SELL order waits for its USDT to be reserved. PLACED: sent to the book.
 * CANCEL_REQUESTED: the owner asked the book to cancel it; the book's answer decides.
 */
public enum OrderStatus {
    PENDING_FUNDING, PLACED, CANCEL_REQUESTED, MATCHED, REJECTED, CANCELLED;

    /** Sent to the book and not answered yet. */
    public boolean awaitsBook() {
        return this == PLACED || this == CANCEL_REQUESTED;
    }
}
