package com.c2c.events.escrow;

import com.c2c.events.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * A trade moved on. One shape for every escrow lifecycle event after TradeOpened; the CloudEvent type
 * says which (TradeLocked, TradePaid, TradeDisputed, TradeCompleted, TradeCancelled).
 * {@code status} is the trade's status after the change (TradeCompleted: COMPLETED or RESOLVED_RELEASED;
 * TradeCancelled: CANCELLED or RESOLVED_REFUNDED). {@code reason}: why it was cancelled or disputed
 * (BUYER_CANCELLED, PAYMENT_DEADLINE, LOCK_REJECTED, ARBITER_REFUND, SELLER_DEADLINE, a party's words), else null.
 * {@code deadline}: when the current step times out (payment or confirmation), else null.
 * TradeCompleted and TradeCancelled are emitted only once the wallet has moved the funds.
 */
public record TradeStateChanged(UUID tradeId, String market, @Nullable UUID takerOrderId, @Nullable UUID makerOrderId, String buyerId,
        String sellerId, long quantityMicros, long fiatAmountMinor, String status, @Nullable String reason, @Nullable Instant deadline,
        long feeMicros) {
}
