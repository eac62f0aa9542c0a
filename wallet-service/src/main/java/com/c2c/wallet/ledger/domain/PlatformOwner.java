package com.c2c.wallet.ledger.domain;

import java.util.UUID;

/** The owner of the platform's own accounts: the contra account of funding, and the fees it earns. */
public final class PlatformOwner {
    public static final String ID = "platform";
    /**
     * Fee accounts the platform's fees are spread over. One account would be a row every release and every sent
     * withdrawal locks until its transaction commits, so wallet consumers working in parallel (replicas, or more
     * than one consumer per channel) would queue on it; spread over eight, two postings meet on one only by chance.
     */
    public static final int FEE_ACCOUNTS = 8;

    private PlatformOwner() {
    }

    /**
     * The owner of the FEES account a fee earned on {@code subject} (a trade, a withdrawal) is credited to:
     * {@code platform-fees-0} … {@code platform-fees-7}, the same for every arrival of the same command. The
     * platform's fees are the sum of the FEES accounts (the ledger's totals and the custody report sum by kind).
     * Fees earned before the accounts were spread stay on {@code platform}'s own FEES account.
     */
    public static String feesOwner(UUID subject) {
        return ID + "-fees-" + Math.floorMod(subject.hashCode(), FEE_ACCOUNTS);
    }
}
