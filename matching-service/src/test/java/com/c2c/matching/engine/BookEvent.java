package com.c2c.matching.engine;

/**
 * One {@link BookListener} callback as a value, so tests can compare what a book reported with
 * what they expect. {@link RecordingListener} decodes its byte log into these.
 */
sealed interface BookEvent {

    record Trade(long tradeId, long takerOrderId, long takerOwnerId, long makerOrderId, long makerOwnerId,
            Side takerSide, long priceTicks, long quantity, long fiatAmount) implements BookEvent {
    }

    record Reject(long orderId, RejectReason reason) implements BookEvent {
    }

    record Cancel(long orderId, long ownerId, long cancelledQuantity, CancelReason reason) implements BookEvent {
    }

    record BookChange(Side side, long priceTicks, long levelQuantity) implements BookEvent {
    }

    record Forgotten(long adId, long ownerId) implements BookEvent {
    }

    // Short factories, so expected event lists in the example tests read like the callbacks they pin.

    static Trade trade(long tradeId, long takerOrderId, long takerOwnerId, long makerOrderId, long makerOwnerId,
            Side takerSide, long priceTicks, long quantity, long fiatAmount) {
        return new Trade(tradeId, takerOrderId, takerOwnerId, makerOrderId, makerOwnerId, takerSide, priceTicks,
                quantity, fiatAmount);
    }

    static Reject reject(long orderId, RejectReason reason) {
        return new Reject(orderId, reason);
    }

    static Cancel cancelled(long orderId, long ownerId, long cancelledQuantity, CancelReason reason) {
        return new Cancel(orderId, ownerId, cancelledQuantity, reason);
    }

    static BookChange level(Side side, long priceTicks, long levelQuantity) {
        return new BookChange(side, priceTicks, levelQuantity);
    }

    static Forgotten forgotten(long adId, long ownerId) {
        return new Forgotten(adId, ownerId);
    }
}
