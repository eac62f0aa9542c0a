package com.c2c.wallet.deposit.domain;

/** Where a deposit stands in the wallet (ADR 0013); {@link DepositLifecycle} is the one place it changes. */
public enum DepositState {
    /** Seen on chain, not yet deep enough: the owner's pending, not usable. */
    DETECTED,
    /** Confirmed and credited to the owner's AVAILABLE, once. */
    CONFIRMED,
    /** Its block left the chain before it was confirmed: never credited. */
    REVERTED,
    /** Recorded but never credited: dust below the minimum, another token contract, an unknown address. */
    UNCREDITED,
    /** Credited, then a reorg deeper than the confirmation depth removed it: an operator decides. */
    REORGED_AFTER_CREDIT;

    /** The states in which the deposit's credit is in the ledger. */
    public boolean credited() {
        return this == CONFIRMED || this == REORGED_AFTER_CREDIT;
    }
}
