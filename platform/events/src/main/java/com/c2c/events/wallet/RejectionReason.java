package com.c2c.events.wallet;

/**
 * Why a wallet command changed nothing: the stable codes of {@link WalletCommandRejected#reason()}, part of the event
 * contract (senders such as escrow-service act on some of them; a code a sender does not know means "refused").
 */
public enum RejectionReason {
    /** The owner's available USDT is less than the command's quantity. */
    INSUFFICIENT_FUNDS,
    /** The owner's reserved USDT is less than the command's quantity. */
    INSUFFICIENT_RESERVED,
    /** The trade's USDT was never locked (or less is locked than the command moves). */
    NOT_LOCKED,
    /** The trade's USDT already went to the buyer. */
    ALREADY_RELEASED,
    /** The trade's USDT already went back to the seller. */
    ALREADY_REFUNDED,
    /** The command itself is malformed (a quantity that is not positive); sending it again cannot help. */
    INVALID_COMMAND,
    /**
     * A release or refund that does not match the trade's own lock (its seller, quantity, or for a release its
     * buyer): it would move USDT the trade never locked, or to someone it was not locked for.
     */
    LOCK_MISMATCH,
    /**
     * The command's id was already used by a command with other content (another quantity, owner, buyer or
     * command type). The first command's outcome stands; this one changed nothing and is counted.
     */
    COMMAND_ID_REUSED
}
