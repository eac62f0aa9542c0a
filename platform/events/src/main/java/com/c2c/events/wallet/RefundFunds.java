package com.c2c.events.wallet;

import java.util.UUID;

/**
 * Command: the trade ended without payment; the seller's locked USDT returns to the seller's reserved
 * account (where it came from; the order service then puts it back on the ad or releases it).
 * Idempotent by trade id (command id {@code refund:<tradeId>}); answered by FundsRefunded or WalletCommandRejected.
 */
public record RefundFunds(UUID tradeId, String sellerId, long quantityMicros) {
}
