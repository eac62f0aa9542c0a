package com.c2c.matching.engine;

/** Why a command changed nothing. Codes are stable: they travel in events and snapshots. */
public enum RejectReason {
    /** An order or ad with this id is already on the book. */
    DUPLICATE_ID,
    /** No live order or ad has this id. */
    UNKNOWN_ID,
    /** Price outside 1..{@link Limits#MAX_PRICE_TICKS}. */
    INVALID_PRICE,
    /** Quantity or amount outside 1..{@link Limits#MAX_QUANTITY}, or ad limits min > max. */
    INVALID_QUANTITY,
    /** The command names a kind of order it does not apply to (e.g. restore on a limit order). */
    WRONG_ORDER_KIND,
    /** FOK: the book cannot fill the whole quantity at once. */
    NOT_FILLABLE,
    /** Express: no resting order on the other side can fill it alone (payment method, limits, remaining, owner, conditions). */
    NO_ELIGIBLE_AD,
    /** Order on a chosen ad: no live ad on the other side has that id (unknown, cancelled, limit order, same side). */
    AD_NOT_AVAILABLE,
    /** Order on a chosen ad: the taker owns that ad. */
    OWN_AD,
    /** Order on a chosen ad: the ad cannot fill it completely (remaining, fiat limits, payment method, conditions). */
    AD_NOT_ELIGIBLE,
    /**
     * Express or chosen-ad order: the taker's price limit kept it from filling (express: no level within
     * the limit could fill it and the book had levels beyond it; chosen ad: the ad's price is beyond it).
     */
    PRICE_LIMIT
}
