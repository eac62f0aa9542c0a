package com.c2c.order.ad.domain;

/** An ad is on the book only when ACTIVE, which needs its USDT reserved first. */
public enum AdStatus {
    PENDING_FUNDING, ACTIVE, PAUSED, CANCELLED, REJECTED
}
