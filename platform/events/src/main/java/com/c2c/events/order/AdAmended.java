package com.c2c.events.order;

import java.util.UUID;

/** The maker changed the ad's price or remaining quantity (raising quantity or moving price loses time priority). */
public record AdAmended(UUID adId, String market, long priceMinor, long quantityMicros) {
}
