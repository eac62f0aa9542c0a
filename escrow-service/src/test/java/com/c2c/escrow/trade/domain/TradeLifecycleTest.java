package com.c2c.escrow.trade.domain;

import static com.c2c.escrow.trade.domain.TradeAction.CANCEL;
import static com.c2c.escrow.trade.domain.TradeAction.CONFIRM;
import static com.c2c.escrow.trade.domain.TradeAction.DISPUTE;
import static com.c2c.escrow.trade.domain.TradeAction.EXPIRE_CONFIRMATION;
import static com.c2c.escrow.trade.domain.TradeAction.EXPIRE_PAYMENT;
import static com.c2c.escrow.trade.domain.TradeAction.LOCK;
import static com.c2c.escrow.trade.domain.TradeAction.MARK_PAID;
import static com.c2c.escrow.trade.domain.TradeAction.REFUND;
import static com.c2c.escrow.trade.domain.TradeAction.REJECT_LOCK;
import static com.c2c.escrow.trade.domain.TradeAction.RELEASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The trade state machine on its own: who may do what, from where, and what it leads to. */
class TradeLifecycleTest {
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(15));
    private static final Instant EARLIER = NOW.minusSeconds(1);

    private static TradeState at(TradeStatus status, Instant deadline) {
        return new TradeState(status, deadline, null, null, false);
    }

    private static TradeState after(TradeAction last, String actor) {
        return new TradeState(last.to(), null, last, actor, false);
    }

    private static Decision decide(TradeState trade, TradeAction action, Role role) {
        String actor = switch (role) {
            case BUYER -> "bob";
            case SELLER -> "sue";
            case ARBITER -> "ann";
            case ESCROW -> Role.ESCROW_ID;
            case STRANGER -> "eve";
        };
        return TradeLifecycle.decide(trade, action, role, actor, NOW);
    }

    @Test
    void theHappyPathGoesOpenedLockedPaidCompleted() {
        assertEquals(new Decision.Move(LOCK), decide(at(TradeStatus.OPENED, null), LOCK, Role.ESCROW));
        assertEquals(new Decision.Move(MARK_PAID), decide(at(TradeStatus.LOCKED, LATER), MARK_PAID, Role.BUYER));
        assertEquals(new Decision.Move(CONFIRM), decide(at(TradeStatus.PAID, LATER), CONFIRM, Role.SELLER));
        assertEquals(TradeStatus.COMPLETED, CONFIRM.to());
        assertEquals(FundsMovement.RELEASE_TO_BUYER, CONFIRM.funds());
        assertEquals(Announcement.NONE, CONFIRM.announcement(), "TradeCompleted waits for the wallet");
    }

    @Test
    void eachActionStartsFromExactlyOneStatus() {
        Map<TradeAction, TradeStatus> from = Map.of(LOCK, TradeStatus.OPENED, REJECT_LOCK, TradeStatus.OPENED,
                MARK_PAID, TradeStatus.LOCKED, CANCEL, TradeStatus.LOCKED, EXPIRE_PAYMENT, TradeStatus.LOCKED,
                CONFIRM, TradeStatus.PAID, DISPUTE, TradeStatus.PAID, EXPIRE_CONFIRMATION, TradeStatus.PAID,
                RELEASE, TradeStatus.DISPUTED, REFUND, TradeStatus.DISPUTED);
        for (TradeAction action : TradeAction.values()) {
            Role role = EnumSet.allOf(Role.class).stream().filter(action::allows).findFirst().orElseThrow();
            boolean timedOut = action == EXPIRE_PAYMENT || action == EXPIRE_CONFIRMATION;
            for (TradeStatus status : TradeStatus.values()) {
                Decision d = decide(at(status, timedOut ? EARLIER : LATER), action, role);
                if (status == from.get(action)) {
                    assertEquals(new Decision.Move(action), d, action + " from " + status);
                } else {
                    assertInstanceOf(Decision.Conflict.class, d, action + " from " + status);
                }
            }
        }
    }

    @Test
    void aRefusalNamesTheStatusAndWhatWasNeeded() {
        Decision d = decide(at(TradeStatus.PAID, LATER), CANCEL, Role.BUYER);
        assertEquals(new Decision.Conflict("trade is PAID; only LOCKED trades can be cancelled"), d);
    }

    @Test
    void onlyTheRightPartyActsAndStrangersSeeNothing() {
        TradeState locked = at(TradeStatus.LOCKED, LATER);
        assertInstanceOf(Decision.Forbidden.class, decide(locked, MARK_PAID, Role.SELLER));
        assertInstanceOf(Decision.Forbidden.class, decide(locked, MARK_PAID, Role.ARBITER));
        assertInstanceOf(Decision.Forbidden.class, decide(locked, CANCEL, Role.SELLER));
        assertInstanceOf(Decision.Forbidden.class, decide(at(TradeStatus.PAID, LATER), CONFIRM, Role.BUYER));
        assertInstanceOf(Decision.Forbidden.class, decide(at(TradeStatus.DISPUTED, null), RELEASE, Role.BUYER));
        assertInstanceOf(Decision.Forbidden.class, decide(at(TradeStatus.DISPUTED, null), REFUND, Role.SELLER));
        assertInstanceOf(Decision.Forbidden.class, decide(at(TradeStatus.OPENED, null), LOCK, Role.BUYER));
        assertInstanceOf(Decision.Forbidden.class, decide(locked, EXPIRE_PAYMENT, Role.BUYER));
        for (TradeAction action : TradeAction.values()) {
            assertEquals(new Decision.Hidden(), decide(locked, action, Role.STRANGER), action.name());
        }
        // The wrong party is told so before the state is looked at.
        assertInstanceOf(Decision.Forbidden.class, decide(at(TradeStatus.COMPLETED, null), MARK_PAID, Role.SELLER));
    }

    @Test
    void eitherPartyMayDispute() {
        TradeState paid = at(TradeStatus.PAID, LATER);
        assertEquals(new Decision.Move(DISPUTE), decide(paid, DISPUTE, Role.BUYER));
        assertEquals(new Decision.Move(DISPUTE), decide(paid, DISPUTE, Role.SELLER));
        assertEquals("their words", DISPUTE.reason("their words"));
    }

    @Test
    void aPartyWhoIsAlsoAnArbiterIsJudgedAsAParty() {
        assertEquals(Role.BUYER, Role.of("bob", "sue", "bob", true));
        assertEquals(Role.SELLER, Role.of("bob", "sue", "sue", true));
        assertEquals(Role.ARBITER, Role.of("bob", "sue", "ann", true));
        assertEquals(Role.STRANGER, Role.of("bob", "sue", "ann", false));
    }

    @Test
    void repeatingTheSameStepIsARepeatButAnotherStepIntoTheSameStatusIsNot() {
        assertEquals(new Decision.Repeat(), decide(after(MARK_PAID, "bob"), MARK_PAID, Role.BUYER));
        assertEquals(new Decision.Repeat(), decide(after(CANCEL, "bob"), CANCEL, Role.BUYER));
        assertEquals(new Decision.Repeat(), decide(after(CONFIRM, "sue"), CONFIRM, Role.SELLER));
        assertEquals(new Decision.Repeat(), decide(after(RELEASE, "ann"), RELEASE, Role.ARBITER));
        assertEquals(new Decision.Repeat(), decide(after(LOCK, Role.ESCROW_ID), LOCK, Role.ESCROW));
        // Cancelled by the deadline: the buyer's cancel is not a retry of that.
        assertInstanceOf(Decision.Conflict.class, decide(after(EXPIRE_PAYMENT, Role.ESCROW_ID), CANCEL, Role.BUYER));
        // Disputed by the buyer: the seller's dispute is not a retry.
        assertInstanceOf(Decision.Conflict.class, decide(after(DISPUTE, "bob"), DISPUTE, Role.SELLER));
        // Released: a refund is refused, whoever asks.
        assertInstanceOf(Decision.Conflict.class, decide(after(RELEASE, "ann"), REFUND, Role.ARBITER));
        // Paid and then disputed: paying again is no retry any more.
        assertInstanceOf(Decision.Conflict.class, decide(after(DISPUTE, "bob"), MARK_PAID, Role.BUYER));
    }

    @Test
    void theBuyerPaysOnlyBeforeThePaymentDeadline() {
        assertEquals(new Decision.Move(MARK_PAID), decide(at(TradeStatus.LOCKED, NOW.plusMillis(1)), MARK_PAID,
                Role.BUYER));
        Decision late = decide(at(TradeStatus.LOCKED, NOW), MARK_PAID, Role.BUYER);
        assertInstanceOf(Decision.Conflict.class, late);
        assertTrue(((Decision.Conflict) late).why().contains("payment deadline passed"), late.toString());
    }

    @Test
    void deadlinesActOnlyOnceTheyPassed() {
        assertInstanceOf(Decision.Conflict.class, decide(at(TradeStatus.LOCKED, LATER), EXPIRE_PAYMENT, Role.ESCROW));
        assertEquals(new Decision.Move(EXPIRE_PAYMENT), decide(at(TradeStatus.LOCKED, NOW), EXPIRE_PAYMENT,
                Role.ESCROW));
        assertEquals(new Decision.Move(EXPIRE_CONFIRMATION), decide(at(TradeStatus.PAID, EARLIER),
                EXPIRE_CONFIRMATION, Role.ESCROW));
        assertEquals(EXPIRE_PAYMENT, TradeLifecycle.onDeadline(TradeStatus.LOCKED));
        assertEquals(EXPIRE_CONFIRMATION, TradeLifecycle.onDeadline(TradeStatus.PAID));
        assertNull(TradeLifecycle.onDeadline(TradeStatus.DISPUTED));
    }

    @Test
    void whatEachOutcomeAsksOfTheWalletAndAnnounces() {
        record Expect(TradeStatus to, String reason, FundsMovement funds, Announcement now, DeadlineKind deadline) {
        }
        Map<TradeAction, Expect> table = Map.of(
                LOCK, new Expect(TradeStatus.LOCKED, null, FundsMovement.NONE, Announcement.TRADE_LOCKED,
                        DeadlineKind.PAYMENT),
                REJECT_LOCK, new Expect(TradeStatus.CANCELLED, "LOCK_REJECTED", FundsMovement.NONE,
                        Announcement.TRADE_CANCELLED, DeadlineKind.NONE),
                MARK_PAID, new Expect(TradeStatus.PAID, null, FundsMovement.NONE, Announcement.TRADE_PAID,
                        DeadlineKind.CONFIRMATION),
                CANCEL, new Expect(TradeStatus.CANCELLED, "BUYER_CANCELLED", FundsMovement.REFUND_TO_SELLER,
                        Announcement.NONE, DeadlineKind.NONE),
                CONFIRM, new Expect(TradeStatus.COMPLETED, null, FundsMovement.RELEASE_TO_BUYER, Announcement.NONE,
                        DeadlineKind.NONE),
                DISPUTE, new Expect(TradeStatus.DISPUTED, "words", FundsMovement.NONE, Announcement.TRADE_DISPUTED,
                        DeadlineKind.NONE),
                RELEASE, new Expect(TradeStatus.RESOLVED_RELEASED, null, FundsMovement.RELEASE_TO_BUYER,
                        Announcement.NONE, DeadlineKind.NONE),
                REFUND, new Expect(TradeStatus.RESOLVED_REFUNDED, "ARBITER_REFUND", FundsMovement.REFUND_TO_SELLER,
                        Announcement.NONE, DeadlineKind.NONE),
                EXPIRE_PAYMENT, new Expect(TradeStatus.CANCELLED, "PAYMENT_DEADLINE", FundsMovement.REFUND_TO_SELLER,
                        Announcement.NONE, DeadlineKind.NONE),
                EXPIRE_CONFIRMATION, new Expect(TradeStatus.DISPUTED, "SELLER_DEADLINE", FundsMovement.NONE,
                        Announcement.TRADE_DISPUTED, DeadlineKind.NONE));
        assertEquals(EnumSet.allOf(TradeAction.class), EnumSet.copyOf(table.keySet()));
        table.forEach((action, e) -> {
            assertEquals(e, new Expect(action.to(), action.reason("words"), action.funds(), action.announcement(),
                    action.deadline()), action.name());
        });
        assertEquals(Set.of(REJECT_LOCK), EnumSet.allOf(TradeAction.class).stream()
                .filter(TradeAction::settlesAtOnce).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void theWalletSettlesAnOutcomeOnceAndOnlyTheWayItWasDecided() {
        TradeState confirmed = after(CONFIRM, "sue");
        assertTrue(TradeLifecycle.settles(confirmed, FundsMovement.RELEASE_TO_BUYER));
        assertFalse(TradeLifecycle.settles(confirmed, FundsMovement.REFUND_TO_SELLER));
        TradeState settled = new TradeState(TradeStatus.COMPLETED, null, CONFIRM, "sue", true);
        assertFalse(TradeLifecycle.settles(settled, FundsMovement.RELEASE_TO_BUYER), "a repeated report");
        assertTrue(TradeLifecycle.settles(after(EXPIRE_PAYMENT, Role.ESCROW_ID), FundsMovement.REFUND_TO_SELLER));
        assertTrue(TradeLifecycle.settles(after(REFUND, "ann"), FundsMovement.REFUND_TO_SELLER));
        assertFalse(TradeLifecycle.settles(after(MARK_PAID, "bob"), FundsMovement.RELEASE_TO_BUYER),
                "nothing was asked of the wallet yet");
        assertEquals(Announcement.TRADE_COMPLETED, FundsMovement.RELEASE_TO_BUYER.whenDone());
        assertEquals(Announcement.TRADE_CANCELLED, FundsMovement.REFUND_TO_SELLER.whenDone());
    }
}
