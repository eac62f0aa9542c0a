package com.c2c.order.ad.domain;

/** What the ad's state machine needs to know of an ad: its status (null before it is stored) and whether the book holds it. */
public record AdState(AdStatus status, BookPresence presence) {
    /** An ad that is being posted. */
    public static final AdState NEW = new AdState(null, BookPresence.OFF);
}
