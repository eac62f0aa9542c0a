package com.c2c.wallet.deposit.domain;

/**
 * What a report does to a deposit: its next state ({@code null}: the deposit stays as it is), whether to
 * credit it now, and what to tell operators.
 */
public record DepositStep(DepositState next, boolean credit, Signal signal, String reason) {

    /** What the step tells operators, besides the deposit's state. */
    public enum Signal {
        NONE,
        /** Recorded UNCREDITED: counted (c2c_wallet_deposits_uncredited_total). */
        UNCREDITED,
        /** A credited deposit left the chain: counted, logged as an ERROR, for an operator. */
        REORGED_AFTER_CREDIT,
        /** A report that changes nothing here because a later one already did (logged). */
        STALE
    }

    static DepositStep to(DepositState next) {
        return new DepositStep(next, false, Signal.NONE, null);
    }

    static DepositStep unchanged(Signal signal, String reason) {
        return new DepositStep(null, false, signal, reason);
    }

    public boolean changes() {
        return next != null;
    }
}
