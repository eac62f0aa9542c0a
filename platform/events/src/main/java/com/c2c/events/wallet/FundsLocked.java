package com.c2c.events.wallet;

import com.c2c.events.Nullable;
import java.util.UUID;

/**
 * The seller's USDT is held in escrow for the trade. {@code terms} are the book's terms of the trade when the wallet
 * locked on the book's TradeMatched (ADR 0028): escrow opens the trade, LOCKED, from this event alone. They are null
 * in the answer to an escrow's LockFunds for a trade escrow already holds (one opened before ADR 0028).
 */
public record FundsLocked(UUID tradeId, String sellerId, String buyerId, long quantityMicros,
        @Nullable TradeTerms terms) {

    /** The answer to a LockFunds, without the trade's terms (escrow holds them already). */
    public FundsLocked(UUID tradeId, String sellerId, String buyerId, long quantityMicros) {
        this(tradeId, sellerId, buyerId, quantityMicros, null);
    }
}
