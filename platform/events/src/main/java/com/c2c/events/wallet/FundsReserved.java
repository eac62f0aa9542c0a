package com.c2c.events.wallet;

import java.util.UUID;

/** The taker's USDT for a SELL order is reserved: the order may go to the book. */
public record FundsReserved(String commandId, UUID orderId, String ownerId, long quantityMicros) {
}
