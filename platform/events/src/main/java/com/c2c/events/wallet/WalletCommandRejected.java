package com.c2c.events.wallet;

import java.util.UUID;

/**
 * A wallet command could not be carried out and changed nothing. {@code command} is the command's
 * CloudEvent type; {@code subjectId} the trade, order or ad it was for; {@code reason} a stable code
 * (INSUFFICIENT_FUNDS, NOT_LOCKED, ...), {@code message} says it for people.
 */
public record WalletCommandRejected(String commandId, String command, UUID subjectId, String ownerId, String reason,
        String message) {
}
