package com.c2c.order.ad.domain;

/** What a transition does with the USDT a SELL ad holds reserved (a BUY ad holds none). */
public enum FundsEffect {
    /** Nothing moves: what is reserved stays reserved (a pause is temporary). */
    NONE,
    /** The wallet reserves the ad's whole quantity when it reads AdPosted, and answers. */
    RESERVE,
    /** Nothing was reserved: the ad has nothing left. */
    FORGET,
    /**
     * What the ad still holds goes back to the owner: at once when the book is known not to hold it, else
     * when the book reports what it removed; for an ad not funded yet, when the wallet reports the reservation.
     */
    RELEASE_REST
}
