package com.c2c.events.wallet;

import java.util.UUID;

/** The buyer received {@code quantityMicros - feeMicros}; the platform's fee account received {@code feeMicros}. */
public record FundsReleased(UUID tradeId, String sellerId, String buyerId, long quantityMicros, long feeMicros) {
}
