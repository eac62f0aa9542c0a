package com.c2c.wallet.withdrawal.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a withdrawal stands (ADR 0014). While it is in any state but a final one, its amount and fee are held
 * in the owner's WITHDRAWING account.
 */
public enum WithdrawalState {
    /** To an address the owner has not confirmed before: waits for their confirmation with a second factor. */
    AWAITING_USER_CONFIRMATION,
    /** Confirmed by its owner; waits out the new-address cool-down (the owner may still cancel). */
    COOLING_DOWN,
    /** Over the approval threshold: waits for two distinct admins, neither the requester. */
    AWAITING_APPROVAL,
    /** May be sent: what the signer takes. */
    APPROVED,
    /** The signer has signed (and persisted) its transaction. */
    SIGNED,
    /** The transaction was handed to the node. */
    BROADCAST,
    /** Mined at the chain's depth: the hold went to the hot wallet's custody and the fee to the platform. */
    CONFIRMED,
    /** The owner took it back before it was signed: the hold returned. */
    CANCELLED,
    /** An admin refused it: the hold returned. */
    REJECTED,
    /** It could not be sent, or its transaction reverted: the hold returned. */
    FAILED;

    private static final Set<WithdrawalState> BEFORE_SIGNING =
            EnumSet.of(AWAITING_USER_CONFIRMATION, COOLING_DOWN, AWAITING_APPROVAL, APPROVED);
    private static final Set<WithdrawalState> FINAL = EnumSet.of(CONFIRMED, CANCELLED, REJECTED, FAILED);

    /** Nothing has been signed yet: the withdrawal can still be taken back without any chain involved. */
    public boolean beforeSigning() {
        return BEFORE_SIGNING.contains(this);
    }

    public boolean isFinal() {
        return FINAL.contains(this);
    }
}
