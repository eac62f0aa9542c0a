package com.c2c.wallet.ledger.domain;

/** The owner of the platform's own accounts: the contra account of funding, and the fees it earns. */
public final class PlatformOwner {
    public static final String ID = "platform";

    private PlatformOwner() {
    }
}
