package com.c2c.events.wallet;

import com.c2c.events.Nullable;
import java.util.UUID;

/** The SELL ad's USDT could not be reserved; {@code reason} is a stable code, {@code message} for people. */
public record AdFundsRejected(UUID adId, String ownerId, String reason, @Nullable String message) {
}
