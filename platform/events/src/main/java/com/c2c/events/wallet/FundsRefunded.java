package com.c2c.events.wallet;

import java.util.UUID;

/** The trade's locked USDT is back in the seller's reserved account. */
public record FundsRefunded(UUID tradeId, String sellerId, long quantityMicros) {
}
