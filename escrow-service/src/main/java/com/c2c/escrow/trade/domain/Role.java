package com.c2c.escrow.trade.domain;

/** Who acts on a trade, as far as the trade is concerned. */
public enum Role {
    BUYER, SELLER, ARBITER,
    /** Escrow itself: the wallet's answers and the deadlines. */
    ESCROW,
    /** Anyone else: they must not learn that the trade exists. */
    STRANGER;

    /** The id escrow acts under (stored as the actor of its own transitions). */
    public static final String ESCROW_ID = "escrow";

    /**
     * A party is judged as a party even when they also hold the arbiter role, so nobody arbitrates
     * their own trade.
     */
    public static Role of(String buyerId, String sellerId, String callerId, boolean arbiter) {
        if (callerId.equals(buyerId)) {
            return BUYER;
        }
        if (callerId.equals(sellerId)) {
            return SELLER;
        }
        return arbiter ? ARBITER : STRANGER;
    }
}
