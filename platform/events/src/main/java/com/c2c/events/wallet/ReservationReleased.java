package com.c2c.events.wallet;

import com.c2c.events.Nullable;
import java.util.UUID;

/** Reserved USDT went back to the owner's available balance. */
public record ReservationReleased(String commandId, UUID subjectId, String ownerId, long quantityMicros, @Nullable String reason) {
}
