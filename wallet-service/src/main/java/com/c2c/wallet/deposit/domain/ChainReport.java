package com.c2c.wallet.deposit.domain;

/** What chain-watcher says about a deposit (one event type each on the chain events topic). */
public enum ChainReport {
    /** DepositDetected: in a block, not deep enough yet. */
    DETECTED,
    /** DepositConfirmed: at the chain's depth, on the canonical chain. */
    CONFIRMED,
    /** DepositReverted: its block left the chain before it was confirmed. */
    REVERTED,
    /** ConfirmedDepositReorged: its block left the chain after it was confirmed. */
    REORGED_AFTER_CONFIRMATION
}
