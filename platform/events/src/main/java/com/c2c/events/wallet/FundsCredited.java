package com.c2c.events.wallet;

import com.c2c.events.Nullable;
import java.util.UUID;

/** USDT became available to an owner (an admin credit in development, a confirmed deposit later). */
public record FundsCredited(UUID creditId, String ownerId, String asset, long amountMicros, @Nullable String reference) {
}
