package com.c2c.events.matching;

import java.util.UUID;

/**
 * A fill. {@code tradeId} is derived from the market, {@code sequence} and the id of the input event
 * that caused the fill, so replaying the book's input yields the same id (and consumers recognise the
 * repeat), while an engine rebuilt on a new input log never repeats one. The maker is an ad or a resting order.
 */
public record TradeMatched(UUID tradeId, String market, long sequence, UUID takerOrderId, String takerId,
        UUID makerOrderId, String makerId, String buyerId, String sellerId, long priceMinor, long quantityMicros,
        long fiatAmountMinor) {
}
