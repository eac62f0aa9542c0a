package com.c2c.escrow.trade.domain;

/** Where a trade stands; the state machine itself lands with the trade-flow issue. */
public enum TradeStatus {
    OPENED, LOCKED, PAID, COMPLETED, CANCELLED, DISPUTED, RESOLVED_RELEASED, RESOLVED_REFUNDED
}
