package com.c2c.order.ad.domain;

/**
 * What becomes of the quantity of one of an ad's trades that ended cancelled. For a SELL ad the trade's
 * USDT is then back in the seller's RESERVED balance (escrow's refund, or a lock that never happened);
 * for a BUY ad it is only the quantity the maker still wants to buy.
 */
public enum QuantityReturn {
    /** The book holds the ad: put the quantity back on it (AdQuantityRestored) and count it as remaining. */
    RESTORE_TO_BOOK,
    /** The book does not hold the ad (paused, or not listed yet): count it as remaining, offered when listed. */
    KEEP_FOR_AD,
    /** The ad is cancelled or rejected: give the reserved USDT back to the seller (ReleaseReservation). */
    RELEASE_TO_OWNER,
    /** Nothing to do: a cancelled BUY ad holds no USDT, and an ad that never traded has no trades to return. */
    NOTHING;

    public static QuantityReturn of(Side side, AdStatus status, BookPresence presence) {
        return switch (status) {
            // a REJECTED ad is over like a cancelled one (a funding-rejected ad never traded; one the book
            // refused to list again may still have trades whose quantity comes back)
            case CANCELLED, REJECTED -> side == Side.SELL ? RELEASE_TO_OWNER : NOTHING;
            case ACTIVE, PAUSED -> presence == BookPresence.LISTED ? RESTORE_TO_BOOK : KEEP_FOR_AD;
            case PENDING_FUNDING -> NOTHING;
        };
    }
}
