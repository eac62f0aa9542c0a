package com.c2c.chain.scan.domain;

/** A watched address with blocks [from, to] still to read again for transfers to it (see {@link BackfillWindow}). */
public record PendingBackfill(String address, long from, long to) {
}
