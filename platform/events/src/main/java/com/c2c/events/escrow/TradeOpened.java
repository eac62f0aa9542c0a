package com.c2c.events.escrow;

import java.util.UUID;

/** A matched trade is now held by escrow; the seller's USDT still has to be locked for it. */
public record TradeOpened(UUID tradeId, String market, String buyerId, String sellerId, long quantityMicros,
        long priceMinor, long fiatAmountMinor) {
}
