package com.c2c.escrow.trade.domain;

import java.time.Instant;
import java.util.Objects;

/** The rules of the trade state machine: pure functions of a trade's state, an action, a caller and the time. */
public final class TradeLifecycle {
    private TradeLifecycle() {
    }

    public static Decision decide(TradeState trade, TradeAction action, Role role, String actorId, Instant now) {
        if (role == Role.STRANGER) {
            return new Decision.Hidden();
        }
        if (!action.allows(role)) {
            return new Decision.Forbidden("the trade can only be " + action.verb() + " by " + action.whoMay());
        }
        // A retry of the step this caller just took (a lost response, a double click) is answered, not refused.
        if (trade.status() == action.to() && trade.lastAction() == action
                && Objects.equals(trade.lastActor(), actorId)) {
            return new Decision.Repeat();
        }
        if (trade.status() != action.from()) {
            return new Decision.Conflict("trade is " + trade.status() + "; only " + action.from()
                    + " trades can be " + action.verb());
        }
        Instant deadline = trade.deadline();
        boolean deadlinePassed = deadline != null && !now.isBefore(deadline);
        if (action == TradeAction.MARK_PAID && deadlinePassed) {
            return new Decision.Conflict("the payment deadline passed at " + deadline
                    + "; the trade is being cancelled");
        }
        if ((action == TradeAction.EXPIRE_PAYMENT || action == TradeAction.EXPIRE_CONFIRMATION) && !deadlinePassed) {
            return new Decision.Conflict("the trade's deadline has not passed");
        }
        return new Decision.Move(action);
    }

    /**
     * Whether the wallet's report that it moved the trade's funds settles the trade now: the trade's
     * outcome asked for exactly that movement and has not been settled yet (a repeated report settles nothing).
     */
    public static boolean settles(TradeState trade, FundsMovement moved) {
        return moved != FundsMovement.NONE && !trade.settled() && trade.lastAction() != null
                && trade.lastAction().funds() == moved;
    }

    /** The action a passed deadline takes on a trade in this status, or null when nothing is timed. */
    public static TradeAction onDeadline(TradeStatus status) {
        return switch (status) {
            case LOCKED -> TradeAction.EXPIRE_PAYMENT;
            case PAID -> TradeAction.EXPIRE_CONFIRMATION;
            default -> null;
        };
    }
}
