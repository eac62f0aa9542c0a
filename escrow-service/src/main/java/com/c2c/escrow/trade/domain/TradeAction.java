package com.c2c.escrow.trade.domain;

import static com.c2c.escrow.trade.domain.TradeStatus.CANCELLED;
import static com.c2c.escrow.trade.domain.TradeStatus.COMPLETED;
import static com.c2c.escrow.trade.domain.TradeStatus.DISPUTED;
import static com.c2c.escrow.trade.domain.TradeStatus.LOCKED;
import static com.c2c.escrow.trade.domain.TradeStatus.OPENED;
import static com.c2c.escrow.trade.domain.TradeStatus.PAID;
import static com.c2c.escrow.trade.domain.TradeStatus.RESOLVED_REFUNDED;
import static com.c2c.escrow.trade.domain.TradeStatus.RESOLVED_RELEASED;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every transition of a trade: who may make it, from which status to which, and what follows from it
 * (the reason recorded, the wallet command, the event announced at once, the deadline started).
 * This table is the state machine; {@link TradeLifecycle} decides whether a given call may take it.
 */
public enum TradeAction {
    LOCK(Set.of(Role.ESCROW), OPENED, LOCKED, "locked", null,
            FundsMovement.NONE, Announcement.TRADE_LOCKED, DeadlineKind.PAYMENT),
    /** The wallet could not lock the USDT: nothing moved, so the trade ends (and is announced) at once. */
    REJECT_LOCK(Set.of(Role.ESCROW), OPENED, CANCELLED, "cancelled", "LOCK_REJECTED",
            FundsMovement.NONE, Announcement.TRADE_CANCELLED, DeadlineKind.NONE),
    MARK_PAID(Set.of(Role.BUYER), LOCKED, PAID, "marked paid", null,
            FundsMovement.NONE, Announcement.TRADE_PAID, DeadlineKind.CONFIRMATION),
    CANCEL(Set.of(Role.BUYER), LOCKED, CANCELLED, "cancelled", "BUYER_CANCELLED",
            FundsMovement.REFUND_TO_SELLER, Announcement.NONE, DeadlineKind.NONE),
    CONFIRM(Set.of(Role.SELLER), PAID, COMPLETED, "confirmed", null,
            FundsMovement.RELEASE_TO_BUYER, Announcement.NONE, DeadlineKind.NONE),
    /** The reason is the party's own words. */
    DISPUTE(Set.of(Role.BUYER, Role.SELLER), PAID, DISPUTED, "disputed", null,
            FundsMovement.NONE, Announcement.TRADE_DISPUTED, DeadlineKind.NONE),
    RELEASE(Set.of(Role.ARBITER), DISPUTED, RESOLVED_RELEASED, "resolved", null,
            FundsMovement.RELEASE_TO_BUYER, Announcement.NONE, DeadlineKind.NONE),
    REFUND(Set.of(Role.ARBITER), DISPUTED, RESOLVED_REFUNDED, "resolved", "ARBITER_REFUND",
            FundsMovement.REFUND_TO_SELLER, Announcement.NONE, DeadlineKind.NONE),
    EXPIRE_PAYMENT(Set.of(Role.ESCROW), LOCKED, CANCELLED, "expired", "PAYMENT_DEADLINE",
            FundsMovement.REFUND_TO_SELLER, Announcement.NONE, DeadlineKind.NONE),
    /** The seller neither confirmed nor disputed in time: an arbiter has to look at it. */
    EXPIRE_CONFIRMATION(Set.of(Role.ESCROW), PAID, DISPUTED, "expired", "SELLER_DEADLINE",
            FundsMovement.NONE, Announcement.TRADE_DISPUTED, DeadlineKind.NONE);

    private final Set<Role> actors;
    private final TradeStatus from;
    private final TradeStatus to;
    private final String verb;
    private final String reason;
    private final FundsMovement funds;
    private final Announcement announcement;
    private final DeadlineKind deadline;

    TradeAction(Set<Role> actors, TradeStatus from, TradeStatus to, String verb, String reason, FundsMovement funds,
            Announcement announcement, DeadlineKind deadline) {
        this.actors = EnumSet.copyOf(actors);
        this.from = from;
        this.to = to;
        this.verb = verb;
        this.reason = reason;
        this.funds = funds;
        this.announcement = announcement;
        this.deadline = deadline;
    }

    public boolean allows(Role role) {
        return actors.contains(role);
    }

    public TradeStatus from() {
        return from;
    }

    public TradeStatus to() {
        return to;
    }

    /** How a refusal names the action: "only LOCKED trades can be {verb}". */
    public String verb() {
        return verb;
    }

    /** The reason recorded with the move: a fixed code, the caller's words for a dispute, else null. */
    public String reason(String callersWords) {
        return this == DISPUTE ? callersWords : reason;
    }

    public FundsMovement funds() {
        return funds;
    }

    public Announcement announcement() {
        return announcement;
    }

    public DeadlineKind deadline() {
        return deadline;
    }

    /** Whether the move opens a dispute (which records who opened it and why). */
    public boolean opensDispute() {
        return to == DISPUTED;
    }

    /** Whether the move is an arbiter's decision on a dispute. */
    public boolean resolvesDispute() {
        return from == DISPUTED;
    }

    /** A final move that moves no funds is settled as it happens; the others wait for the wallet. */
    public boolean settlesAtOnce() {
        return funds == FundsMovement.NONE && (to == CANCELLED || to == COMPLETED);
    }

    /** Who may take this action, for a refusal. */
    String whoMay() {
        if (actors.equals(Set.of(Role.BUYER, Role.SELLER))) {
            return "the buyer or the seller";
        }
        return switch (actors.iterator().next()) {
            case BUYER -> "the buyer";
            case SELLER -> "the seller";
            case ARBITER -> "an arbiter who is not a party to the trade";
            default -> "escrow";
        };
    }
}
