package com.c2c.events.wallet;

import java.util.UUID;

/**
 * The wallet could not lock the seller's USDT for a trade the book matched (ADR 0028): nothing moved. It carries
 * the trade as the book matched it, so escrow can record the trade, cancelled, and announce TradeCancelled, which
 * gives the quantity back to the ad or order. {@code reason} is a {@link RejectionReason} name, {@code message} says
 * it for people. Answers a legacy LockFunds for the same trade too, when the trade's lock was decided this way.
 */
public record TradeLockRefused(UUID tradeId, String sellerId, String buyerId, long quantityMicros, TradeTerms terms,
        String reason, String message) {
}
