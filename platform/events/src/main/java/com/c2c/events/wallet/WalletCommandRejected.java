package com.c2c.events.wallet;

import com.c2c.events.Nullable;
import java.util.UUID;

/**
 * A wallet command could not be carried out and changed nothing. {@code command} is the command's
 * CloudEvent type; {@code subjectId} the trade, order or ad it was for; {@code reason} a stable code
 * (INSUFFICIENT_FUNDS, NOT_LOCKED, ...), {@code message} says it for people.
 */
public record WalletCommandRejected(String commandId, String command, @Nullable UUID subjectId, @Nullable String ownerId, String reason,
        @Nullable String message) {
}
