package com.c2c.events.order;

import java.util.List;
import java.util.UUID;

/**
 * A maker posted an ad; it is not on the book until its USDT is reserved.
 * Price is in the fiat's minor units per 1 USDT; quantities are USDT micro-units; limits are fiat minor units.
 */
public record AdPosted(UUID adId, String ownerId, String market, String side, long priceMinor,
        long quantityMicros, long minOrderMinor, long maxOrderMinor, List<String> paymentMethods,
        int paymentWindowMinutes) {
}
