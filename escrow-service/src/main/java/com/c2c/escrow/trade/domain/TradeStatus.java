package com.c2c.escrow.trade.domain;

/**
 * Where a trade stands. OPENED waits for the wallet to lock the seller's USDT; LOCKED waits for the
 * buyer's fiat (payment deadline); PAID waits for the seller's confirmation (confirmation deadline);
 * DISPUTED waits for an arbiter. The other four are final: no action moves them again.
 */
public enum TradeStatus {
    OPENED, LOCKED, PAID, COMPLETED, CANCELLED, DISPUTED, RESOLVED_RELEASED, RESOLVED_REFUNDED
}
