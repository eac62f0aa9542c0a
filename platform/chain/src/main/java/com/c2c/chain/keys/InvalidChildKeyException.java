package com.c2c.chain.keys;

/**
 * BIP-32: for a given index the derived key can be invalid (probability below 2^-127); the standard
 * says to skip to the next index. Never expected in practice; a caller handing out addresses by index
 * may skip the index.
 */
public final class InvalidChildKeyException extends IllegalStateException {

    private final long childNumber;

    InvalidChildKeyException(long childNumber) {
        super("BIP-32 child " + ChildNumber.format(childNumber) + " gives no valid key; use the next index");
        this.childNumber = childNumber;
    }

    public long childNumber() {
        return childNumber;
    }
}
