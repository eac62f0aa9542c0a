package com.c2c.events.order;

import java.util.UUID;

/** A trade on the ad ended cancelled or refunded: its quantity returns to the ad. */
public record AdQuantityRestored(UUID adId, String market, UUID tradeId, long quantityMicros) {
}
