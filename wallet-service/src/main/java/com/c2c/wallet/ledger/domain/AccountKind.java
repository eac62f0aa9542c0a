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
    /**
     * What the platform holds on chain at one address (owner {@code custody:<chain>:<address>}): the contra
     * account of the deposits credited from it, so it goes negative by the USDT held there (ADR 0013).
     */
    CUSTODY,
    /** The contra account of development credits, money entering the ledger from outside any chain. */
    EXTERNAL_FUNDING;

    /** Only the contra accounts go negative; an owner's accounts and the fees never do (also enforced in SQL, V5). */
    public boolean mayGoNegative() {
        return this == EXTERNAL_FUNDING || this == CUSTODY;
    }
}
