package com.c2c.matching.engine;

/**
 * What a book reports, synchronously, while it executes a command. Arguments are primitives so the
 * hot path allocates nothing; a listener that keeps them copies what it needs.
 */
public interface BookListener {
    /**
     * A fill between a taker and a resting maker. {@code tradeId} counts up from 1 per book, so the
     * same input sequence always yields the same ids; {@code fiatAmount} is in fiat minor units.
     */
    void onTrade(long tradeId, long takerOrderId, long takerOwnerId, long makerOrderId, long makerOwnerId,
            Side takerSide, long priceTicks, long quantity, long fiatAmount);

    /** The command with this order id changed nothing. */
    void onReject(long orderId, RejectReason reason);

    /** Quantity left the book without trading. */
    void onCancel(long orderId, long ownerId, long cancelledQuantity, CancelReason reason);

    /** A price level's resting total changed (0 when the level emptied). */
    void onBookChange(Side side, long priceTicks, long levelQuantity);

    /**
     * An exhausted ad the book no longer keeps ({@link Limits#EXHAUSTED_ADS_KEPT} ran out after it): it held
     * nothing, and a command naming it from now on is rejected UNKNOWN_ID as for any id the book does not know.
     */
    default void onAdForgotten(long adId, long ownerId) {
    }

    BookListener IGNORE = new BookListener() {
        @Override
        public void onTrade(long tradeId, long takerOrderId, long takerOwnerId, long makerOrderId,
                long makerOwnerId, Side takerSide, long priceTicks, long quantity, long fiatAmount) {
        }

        @Override
        public void onReject(long orderId, RejectReason reason) {
        }

        @Override
        public void onCancel(long orderId, long ownerId, long cancelledQuantity, CancelReason reason) {
        }

        @Override
        public void onBookChange(Side side, long priceTicks, long levelQuantity) {
        }
    };
}
