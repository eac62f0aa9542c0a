package com.c2c.events.wallet;

import com.c2c.events.Nullable;
import java.util.UUID;

/**
 * Command: give reserved USDT back to its owner (reserved → available): an ad cancelled, an order's
 * unfilled rest, or a refunded trade whose ad is gone. {@code subjectId} is the ad or order id.
 * Idempotent by {@code commandId}; answered by ReservationReleased or WalletCommandRejected.
 */
public record ReleaseReservation(String commandId, UUID subjectId, String ownerId, long quantityMicros, @Nullable String reason) {
}
