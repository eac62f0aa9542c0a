package com.c2c.escrow.trade.domain;

/** The lifecycle event escrow publishes for a change (TradeStateChanged under one of these types). */
public enum Announcement {
    NONE, TRADE_LOCKED, TRADE_PAID, TRADE_DISPUTED, TRADE_COMPLETED, TRADE_CANCELLED
}
