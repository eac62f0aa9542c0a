package com.c2c.events.order;

import com.c2c.events.PaymentMethod;
import java.util.List;
import java.util.UUID;

/** A funded ad enters the book. Price and limits in fiat minor units, quantity in USDT micro-units. */
public record AdListed(UUID adId, String ownerId, String market, String side, long priceMinor, long quantityMicros,
        long minOrderMinor, long maxOrderMinor, List<PaymentMethod> paymentMethods, int minCompletedTrades) {
}
