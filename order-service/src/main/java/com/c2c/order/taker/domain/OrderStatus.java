package com.c2c.order.taker.domain;

/** A taker order as its owner sees it; the trade's own states follow once it is matched. */
public enum OrderStatus {
    PLACED, MATCHED, REJECTED
}
