package com.c2c.events.wallet;

import java.util.UUID;

/**
 * Command: the trade completed; the seller's locked USDT goes to the buyer minus the platform fee
 * (locked → buyer available + fees). Idempotent by trade id (command id {@code release:<tradeId>});
 * answered by FundsReleased or WalletCommandRejected.
 */
public record ReleaseFunds(UUID tradeId, String sellerId, String buyerId, long quantityMicros) {
}
