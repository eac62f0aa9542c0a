package com.c2c.wallet.withdrawal.domain;

import static com.c2c.wallet.withdrawal.domain.WithdrawalState.APPROVED;
import static com.c2c.wallet.withdrawal.domain.WithdrawalState.AWAITING_APPROVAL;
import static com.c2c.wallet.withdrawal.domain.WithdrawalState.AWAITING_USER_CONFIRMATION;
import static com.c2c.wallet.withdrawal.domain.WithdrawalState.BROADCAST;
import static com.c2c.wallet.withdrawal.domain.WithdrawalState.CANCELLED;
import static com.c2c.wallet.withdrawal.domain.WithdrawalState.CONFIRMED;
import static com.c2c.wallet.withdrawal.domain.WithdrawalState.COOLING_DOWN;
import static com.c2c.wallet.withdrawal.domain.WithdrawalState.FAILED;
import static com.c2c.wallet.withdrawal.domain.WithdrawalState.REJECTED;
import static com.c2c.wallet.withdrawal.domain.WithdrawalState.SIGNED;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every step a withdrawal takes after it is requested: who takes it, from which states, and what happens to
 * the hold. This table is the state machine; where a step leads when it has a choice (approvals still
 * missing, or not) is {@link WithdrawalLifecycle}'s.
 */
public enum WithdrawalAction {
    /** The owner confirms a new address with a second factor; the cool-down starts. */
    CONFIRM_ADDRESS(Actor.OWNER, EnumSet.of(AWAITING_USER_CONFIRMATION), "confirmed", "withdrawal.confirm", Hold.KEPT),
    /** The cool-down has passed (the periodic step). */
    COOL_DOWN_PASSED(Actor.WALLET, EnumSet.of(COOLING_DOWN), "cooled down", "withdrawal.cooled-down", Hold.KEPT),
    APPROVE(Actor.ADMIN, EnumSet.of(AWAITING_APPROVAL), "approved", "withdrawal.approve", Hold.KEPT),
    CANCEL(Actor.OWNER, EnumSet.of(AWAITING_USER_CONFIRMATION, COOLING_DOWN, AWAITING_APPROVAL, APPROVED),
            "cancelled", "withdrawal.cancel", Hold.RETURNED),
    REJECT(Actor.ADMIN, EnumSet.of(AWAITING_USER_CONFIRMATION, COOLING_DOWN, AWAITING_APPROVAL, APPROVED),
            "rejected", "withdrawal.reject", Hold.RETURNED),
    SIGN(Actor.SIGNER, EnumSet.of(APPROVED), "signed", "withdrawal.signed", Hold.KEPT),
    BROADCAST_TX(Actor.SIGNER, EnumSet.of(SIGNED), "broadcast", "withdrawal.broadcast", Hold.KEPT),
    /** Mined at depth: the hold leaves the ledger to the hot wallet's custody (amount) and FEES (fee). */
    SETTLE_CONFIRMED(Actor.CHAIN, EnumSet.of(APPROVED, SIGNED, BROADCAST), "confirmed on chain",
            "withdrawal.confirmed", Hold.SENT),
    SETTLE_FAILED(Actor.CHAIN, EnumSet.of(APPROVED, SIGNED, BROADCAST), "failed", "withdrawal.failed",
            Hold.RETURNED);

    /** Who takes a step. */
    public enum Actor { OWNER, ADMIN, WALLET, SIGNER, CHAIN }

    /** What a step does to the withdrawal's hold. */
    public enum Hold { KEPT, RETURNED, SENT }

    private final Actor actor;
    private final Set<WithdrawalState> from;
    private final String verb;
    private final String auditAction;
    private final Hold hold;

    WithdrawalAction(Actor actor, Set<WithdrawalState> from, String verb, String auditAction, Hold hold) {
        this.actor = actor;
        this.from = from;
        this.verb = verb;
        this.auditAction = auditAction;
        this.hold = hold;
    }

    public Actor actor() {
        return actor;
    }

    public boolean allowedFrom(WithdrawalState state) {
        return from.contains(state);
    }

    /** How a refusal names the step: "a COOLING_DOWN withdrawal cannot be {verb}". */
    public String verb() {
        return verb;
    }

    /** The audit trail's name of the step. */
    public String auditAction() {
        return auditAction;
    }

    public Hold hold() {
        return hold;
    }

    /** The state a step that does not branch leads to (the branching ones ask {@link WithdrawalLifecycle}). */
    WithdrawalState fixedTarget() {
        return switch (this) {
            case CONFIRM_ADDRESS -> COOLING_DOWN;
            case CANCEL -> CANCELLED;
            case REJECT -> REJECTED;
            case SIGN -> SIGNED;
            case BROADCAST_TX -> BROADCAST;
            case SETTLE_CONFIRMED -> CONFIRMED;
            case SETTLE_FAILED -> FAILED;
            case COOL_DOWN_PASSED, APPROVE -> null;
        };
    }
}
