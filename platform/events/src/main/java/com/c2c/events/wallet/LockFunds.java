package com.c2c.events.wallet;

import java.util.UUID;

/**
 * Command: hold the seller's reserved USDT in escrow for a trade (reserved → locked).
 * Idempotent by trade id (command id {@code lock:<tradeId>}); answered by FundsLocked or WalletCommandRejected.
 */
public record LockFunds(UUID tradeId, String sellerId, String buyerId, long quantityMicros) {
}
