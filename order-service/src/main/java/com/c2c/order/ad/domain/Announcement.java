package com.c2c.order.ad.domain;

/** The event a transition publishes besides its book command: AdPosted (for the wallet and escrow) when an ad is created. */
public enum Announcement {
    NONE, AD_POSTED
}
