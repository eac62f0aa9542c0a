package com.c2c.events.wallet;

import java.util.UUID;

/**
 * Command: hold a taker's USDT for a SELL order before it reaches the book (available → reserved).
 * Idempotent by {@code commandId}; answered by FundsReserved or WalletCommandRejected.
 */
public record ReserveFunds(String commandId, UUID orderId, String ownerId, long quantityMicros) {
}
