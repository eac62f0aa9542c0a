package com.c2c.wallet.ledger.domain;

/** What an account holds for its owner. */
public enum AccountKind {
    /** Free to use: withdraw, post ads, sell. */
    AVAILABLE,
    /** Held for an active ad's unmatched quantity. */
    RESERVED,
    /** Held in escrow for an open trade. */
    LOCKED,
    /** Held for a requested withdrawal (amount and fee) until it is sent or refused. */
    WITHDRAWING,
    /** Fees the platform earned. */
    FEES,
    /** What the platform holds on chain for everyone. */
    CUSTODY,
    /** The contra account of money entering or leaving the ledger: the only kind that goes negative. */
    EXTERNAL_FUNDING;

    public boolean mayGoNegative() {
        return this == EXTERNAL_FUNDING;
    }
}
