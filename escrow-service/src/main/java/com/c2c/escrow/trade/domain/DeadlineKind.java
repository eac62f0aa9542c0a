package com.c2c.escrow.trade.domain;

/** Which step of the trade is timed after a transition. */
public enum DeadlineKind {
    NONE,
    /** The buyer must pay within the ad's payment window. */
    PAYMENT,
    /** The seller must confirm within the confirmation window. */
    CONFIRMATION
}
