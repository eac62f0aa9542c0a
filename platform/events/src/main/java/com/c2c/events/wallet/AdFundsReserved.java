package com.c2c.events.wallet;

import java.util.UUID;

/** The SELL ad's USDT moved from available to reserved: the ad may enter the book. */
public record AdFundsReserved(UUID adId, String ownerId, String asset, long quantityMicros) {
}
