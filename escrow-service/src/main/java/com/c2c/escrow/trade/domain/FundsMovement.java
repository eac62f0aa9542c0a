package com.c2c.escrow.trade.domain;

/** What the wallet must do with the trade's locked USDT once an action decided the outcome. */
public enum FundsMovement {
    NONE,
    /** Locked USDT to the buyer, minus the fee; the trade completes when the wallet reports it. */
    RELEASE_TO_BUYER,
    /** Locked USDT back to the seller's reserved balance; the trade is cancelled when the wallet reports it. */
    REFUND_TO_SELLER;

    /** What escrow announces once the wallet reports this movement done. */
    public Announcement whenDone() {
        return switch (this) {
            case RELEASE_TO_BUYER -> Announcement.TRADE_COMPLETED;
            case REFUND_TO_SELLER -> Announcement.TRADE_CANCELLED;
            case NONE -> Announcement.NONE;
        };
    }
}
