package com.c2c.matching.engine;

/** Why quantity left the book without trading. */
public enum CancelReason {
    /** The owner cancelled. */
    REQUESTED,
    /** The unfilled rest of an IOC order. */
    UNFILLED_IOC
}
