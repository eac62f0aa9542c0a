package com.c2c.events.wallet;

import java.util.UUID;

/** The seller's USDT is held in escrow for the trade. */
public record FundsLocked(UUID tradeId, String sellerId, String buyerId, long quantityMicros) {
}
