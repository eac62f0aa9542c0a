package com.c2c.wallet.withdrawal;

import com.c2c.events.EventCatalog;
import com.c2c.events.Topics;
import com.c2c.events.UsdtAmount;
import com.c2c.events.wallet.WithdrawalStateChanged;
import com.c2c.platform.messaging.audit.AuditTrail;
import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.platform.web.ProblemException;
import com.c2c.wallet.ledger.Ledger;
import com.c2c.wallet.signer.OutgoingTransfers;
import com.c2c.wallet.ledger.domain.AccountKind;
import com.c2c.wallet.ledger.domain.Leg;
import com.c2c.wallet.ledger.domain.PlatformOwner;
import com.c2c.wallet.withdrawal.domain.WithdrawalAction;
import com.c2c.wallet.withdrawal.domain.WithdrawalState;
import com.c2c.wallet.withdrawal.store.Withdrawal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place a withdrawal changes state, inside the caller's transaction (the row already locked): the new
 * state, what the step does to the hold (kept, returned to AVAILABLE, or sent to the hot wallet's custody and
 * FEES), the audit entry and the {@code WithdrawalStateChanged} event — all or nothing.
 */
@ApplicationScoped
public class WithdrawalMoves {
    static final String ASSET = "USDT";
    /** The audit trail's actor for steps the wallet itself takes (the cool-down passing). */
    static final String WALLET = "wallet-service";

    private final Ledger ledger;
    private final Outbox outbox;
    private final AuditTrail audit;

    private final OutgoingTransfers signer;

    WithdrawalMoves(Ledger ledger, Outbox outbox, AuditTrail audit, OutgoingTransfers signer) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.audit = audit;
        this.signer = signer;
    }

    /** Command ids of the postings: one hold per withdrawal, and it leaves the hold once, one way or the other. */
    static String holdCommand(Withdrawal w) {
        return "withdrawal-hold:" + w.id;
    }

    static String releaseCommand(Withdrawal w) {
        return "withdrawal-release:" + w.id;
    }

    /** The legs that put the hold on: AVAILABLE → WITHDRAWING, amount and fee. */
    static List<Leg> holdLegs(Withdrawal w) {
        return List.of(new Leg(w.ownerId, AccountKind.AVAILABLE, -w.heldMicros()),
                new Leg(w.ownerId, AccountKind.WITHDRAWING, w.heldMicros()));
    }

    /** A new withdrawal: stored, its hold posted, audited and announced. */
    Uni<Withdrawal> request(Withdrawal w) {
        return w.<Withdrawal>persist()
                .call(() -> ledger.post(holdCommand(w), "WITHDRAWAL_HOLD", w.asset, holdLegs(w)))
                .call(() -> audit.record(w.ownerId, "withdrawal.request", w.id.toString(), describe(w)))
                .call(() -> announce(w))
                .call(() -> queueIfApproved(w));
    }

    /**
     * Takes {@code action} to {@code to}: the caller has checked that the action is allowed from the current
     * state. {@code hotWallet} is the custody account a sent withdrawal left from (SETTLE_CONFIRMED only).
     */
    Uni<Withdrawal> move(Withdrawal w, WithdrawalAction action, WithdrawalState to, String actor, String reason,
            String hotWallet) {
        WithdrawalState from = w.state;
        Uni<Void> takenBack = from == WithdrawalState.APPROVED && action.hold() == WithdrawalAction.Hold.RETURNED
                && action.actor() != WithdrawalAction.Actor.CHAIN ? takeBack(w, action) : Uni.createFrom().voidItem();
        return takenBack.chain(() -> apply(w, action, from, to, actor, reason, hotWallet));
    }

    private Uni<Withdrawal> apply(Withdrawal w, WithdrawalAction action, WithdrawalState from, WithdrawalState to,
            String actor, String reason, String hotWallet) {
        w.state = to;
        w.updatedAt = now();
        if (reason != null) {
            w.reason = reason;
        }
        return hold(w, action, hotWallet)
                .chain(() -> audit.record(actor, action.auditAction(), w.id.toString(),
                        from + " -> " + to + (reason == null ? "" : ", reason: " + reason)))
                .chain(() -> announce(w))
                .chain(() -> queueIfApproved(w))
                .replaceWith(w);
    }

    /**
     * An APPROVED withdrawal is queued for the signer in the same transaction (its transfer id is the withdrawal's
     * id), so nothing approved is left unsent and nothing is sent unapproved.
     */
    private Uni<Void> queueIfApproved(Withdrawal w) {
        return w.state != WithdrawalState.APPROVED ? Uni.createFrom().voidItem()
                : signer.submit(w.id.toString(), w.chainId, w.toAddress, w.amountMicros).replaceWithVoid();
    }

    /** Cancelling or rejecting an APPROVED withdrawal takes its transfer back from the signer, unless it is signed. */
    private Uni<Void> takeBack(Withdrawal w, WithdrawalAction action) {
        return signer.takeBackIfUnsigned(w.id.toString(), "withdrawal " + action.verb()).invoke(nothingToSend -> {
            if (!nothingToSend) {
                throw ProblemException.conflict("withdrawal-being-sent", "the withdrawal is signed and being sent;"
                        + " it can no longer be " + action.verb());
            }
        }).replaceWithVoid();
    }

    private Uni<Ledger.Posted> hold(Withdrawal w, WithdrawalAction action, String hotWallet) {
        return switch (action.hold()) {
            case KEPT -> Uni.createFrom().nullItem();
            case RETURNED -> ledger.post(releaseCommand(w), "WITHDRAWAL_RETURNED", w.asset,
                    List.of(new Leg(w.ownerId, AccountKind.WITHDRAWING, -w.heldMicros()),
                            new Leg(w.ownerId, AccountKind.AVAILABLE, w.heldMicros())));
            case SENT -> ledger.post(releaseCommand(w), "WITHDRAWAL_SENT", w.asset, sentLegs(w, hotWallet));
        };
    }

    /** The hold leaves the ledger: the amount to the hot wallet's custody account, the fee to the platform. */
    private static List<Leg> sentLegs(Withdrawal w, String hotWallet) {
        List<Leg> legs = new ArrayList<>();
        legs.add(new Leg(w.ownerId, AccountKind.WITHDRAWING, -w.heldMicros()));
        legs.add(new Leg(custodyOwner(w.chainId, hotWallet), AccountKind.CUSTODY, w.amountMicros));
        if (w.feeMicros > 0) {
            legs.add(new Leg(PlatformOwner.feesOwner(w.id), AccountKind.FEES, w.feeMicros));
        }
        return legs;
    }

    /** The owner of a chain address's CUSTODY account (ADR 0014): {@code custody:<chain>:<address>}. */
    public static String custodyOwner(long chainId, String address) {
        return "custody:" + chainId + ":" + address;
    }

    private Uni<Void> announce(Withdrawal w) {
        WithdrawalStateChanged event = new WithdrawalStateChanged(w.id, w.ownerId, w.chainId, w.toAddress, w.asset,
                w.amountMicros, w.feeMicros, w.state.name(), w.reason, w.txHash);
        return outbox.add(Topics.WALLET_EVENTS, w.ownerId, EventCatalog.WITHDRAWAL_STATE_CHANGED.name(),
                w.id.toString(), event).replaceWithVoid();
    }

    private static String describe(Withdrawal w) {
        return UsdtAmount.fromMicros(w.amountMicros).stripTrailingZeros().toPlainString() + " " + w.asset + " + fee "
                + UsdtAmount.fromMicros(w.feeMicros).stripTrailingZeros().toPlainString() + " to " + w.toAddress
                + " on chain " + w.chainId + ", " + w.state;
    }

    /** Microseconds, as PostgreSQL keeps them, so a cursor made from a row finds that row again. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
