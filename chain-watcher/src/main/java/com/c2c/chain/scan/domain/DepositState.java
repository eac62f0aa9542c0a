package com.c2c.chain.scan.domain;

/**
 * Where a deposit stands. DETECTED → CONFIRMED at the required depth, DETECTED → REVERTED when a reorg drops
 * its block first (and REVERTED → DETECTED if it is seen again in a new block); CONFIRMED → REORGED when a
 * reorg deeper than the depth drops it after it was credited: an operator's case, never undone by itself.
 * OVERSIZED: a transfer whose value does not fit the platform's micro-units; never reported, for an operator.
 */
public enum DepositState {
    DETECTED, CONFIRMED, REVERTED, REORGED, OVERSIZED;

    /** The states an operator must look at. */
    public boolean needsOperator() {
        return this == REORGED || this == OVERSIZED;
    }
}
