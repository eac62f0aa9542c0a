package com.c2c.wallet.command.domain;

import com.c2c.events.EventTypes;
import com.c2c.events.wallet.RejectionReason;
import com.c2c.events.wallet.WalletCommandRejected;
import java.util.UUID;

/**
 * How a wallet command ended, as the event that answers it on the wallet's event topic: its
 * CloudEvent type, record key (the owner whose USDT the command was about), subject (the trade,
 * order or ad id) and data.
 */
public record Outcome(String type, String key, String subject, Object event) {

    public static Outcome done(String type, String ownerId, UUID subjectId, Object event) {
        return new Outcome(type, ownerId, subjectId.toString(), event);
    }

    /** The command changed nothing, for {@code reason}; {@code message} says it for people. */
    public static Outcome rejected(String commandId, String commandType, UUID subjectId, String ownerId,
            RejectionReason reason, String message) {
        return new Outcome(EventTypes.WALLET_COMMAND_REJECTED, ownerId, subjectId.toString(),
                new WalletCommandRejected(commandId, commandType, subjectId, ownerId, reason.name(), message));
    }

    /** The command changed nothing: refused as WalletCommandRejected, or (a lock taken on from the book) TradeLockRefused. */
    public boolean isRejection() {
        return EventTypes.WALLET_COMMAND_REJECTED.equals(type) || EventTypes.TRADE_LOCK_REFUSED.equals(type);
    }
}
