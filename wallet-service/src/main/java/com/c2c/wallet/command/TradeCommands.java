package com.c2c.wallet.command;

import static com.c2c.wallet.command.CommandOutcomes.ASSET;

import com.c2c.events.EventTypes;
import com.c2c.events.UsdtAmount;
import com.c2c.events.matching.TradeMatched;
import com.c2c.events.wallet.FundsLocked;
import com.c2c.events.wallet.FundsRefunded;
import com.c2c.events.wallet.FundsReleased;
import com.c2c.events.wallet.LockFunds;
import com.c2c.events.wallet.RefundFunds;
import com.c2c.events.wallet.RejectionReason;
import com.c2c.events.wallet.ReleaseFunds;
import com.c2c.events.wallet.TradeLockRefused;
import com.c2c.events.wallet.TradeTerms;
import com.c2c.events.wallet.WalletCommandRejected;
import com.c2c.wallet.command.config.FeeConfig;
import com.c2c.wallet.command.domain.Outcome;
import com.c2c.wallet.command.domain.RejectionMessages;
import com.c2c.wallet.command.domain.ReleaseFee;
import com.c2c.wallet.command.domain.WalletCommand;
import com.c2c.wallet.command.store.TradeLocks;
import com.c2c.wallet.command.store.TradeLocks.TradeLock;
import com.c2c.wallet.ledger.Ledger;
import com.c2c.wallet.ledger.domain.AccountKind;
import com.c2c.wallet.ledger.domain.Leg;
import com.c2c.wallet.ledger.domain.PlatformOwner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * A trade's USDT: locked out of the seller's reserved balance when the book matches the trade (ADR 0028; or on
 * escrow's LockFunds, for a trade escrow opened before that), then on escrow's command either released to the
 * buyer (minus the platform fee) or refunded to the seller's reserved balance — one or the other, once. Idempotent by trade id ({@code lock:}, {@code release:}, {@code refund:}).
 * Each lock is its own record ({@link TradeLocks}): a release or refund must match it — the seller and
 * the quantity, and for a release the buyer it was locked for — and settles it in its posting's transaction;
 * USDT locked for one trade can never pay out another.
 */
@ApplicationScoped
public class TradeCommands {
    private static final Logger LOG = Logger.getLogger(TradeCommands.class);
    private final CommandOutcomes outcomes;
    private final Ledger ledger;
    private final TradeLocks locks;
    private final ReleaseFee fee;

    TradeCommands(CommandOutcomes outcomes, Ledger ledger, TradeLocks locks, FeeConfig fees) {
        this.outcomes = outcomes;
        this.ledger = ledger;
        this.locks = locks;
        this.fee = new ReleaseFee(fees.releaseBps());
    }

    /** Escrow's LockFunds, for a trade it opened before the wallet locked on the book's matches (ADR 0028). */
    public Uni<Void> lock(LockFunds c) {
        WalletCommand command = lockCommand(c.tradeId(), c.sellerId(), c.quantityMicros(), c.buyerId());
        return lock(command, new FundsLocked(c.tradeId(), c.sellerId(), c.buyerId(), c.quantityMicros()),
                UnaryOperator.identity());
    }

    /**
     * The book matched a trade: the seller's USDT is locked for it at once (ADR 0028), under the same command id as
     * escrow's LockFunds, so a LockFunds for the same trade is answered with this outcome. The answer carries the
     * trade's terms, from which escrow opens the trade: FundsLocked, or TradeLockRefused when nothing could be locked.
     */
    public Uni<Void> lockMatched(TradeMatched m) {
        String unrecordable = unrecordable(m);
        if (unrecordable != null) {
            // The book never makes such a match, and escrow could not record the trade (its table refuses it): USDT
            // locked for it could never be released or refunded, so nothing is locked and nothing answered.
            LOG.errorf("trade %s %s; nothing locked", m.tradeId(), unrecordable);
            return Uni.createFrom().voidItem();
        }
        TradeTerms terms = new TradeTerms(m.market(), m.takerOrderId(), m.makerOrderId(), m.priceMinor(),
                m.fiatAmountMinor());
        WalletCommand command = lockCommand(m.tradeId(), m.sellerId(), m.quantityMicros(), m.buyerId());
        return lock(command, new FundsLocked(m.tradeId(), m.sellerId(), m.buyerId(), m.quantityMicros(), terms),
                refusal -> {
                    WalletCommandRejected r = (WalletCommandRejected) refusal.event();
                    return Outcome.done(EventTypes.TRADE_LOCK_REFUSED, m.sellerId(), m.tradeId(),
                            new TradeLockRefused(m.tradeId(), m.sellerId(), m.buyerId(), m.quantityMicros(), terms,
                                    r.reason(), r.message()));
                });
    }

    /** Why escrow could not record the matched trade (its table's checks), or null when it could. */
    private static String unrecordable(TradeMatched m) {
        if (m.buyerId().equals(m.sellerId())) {
            return "matches " + m.buyerId() + " with themself";
        }
        if (m.quantityMicros() <= 0 || m.priceMinor() <= 0 || m.fiatAmountMinor() <= 0) {
            return "has a quantity, price or fiat amount that is not positive (" + m.quantityMicros() + ", "
                    + m.priceMinor() + ", " + m.fiatAmountMinor() + ")";
        }
        return null;
    }

    private static WalletCommand lockCommand(UUID tradeId, String sellerId, long quantityMicros, String buyerId) {
        return new WalletCommand(lockId(tradeId), EventTypes.LOCK_FUNDS, tradeId, sellerId, quantityMicros, buyerId);
    }

    /** Reserved → locked for the trade, answered with {@code locked}, or refused as {@code refusal} words it. */
    private Uni<Void> lock(WalletCommand command, FundsLocked locked, UnaryOperator<Outcome> refusal) {
        List<Leg> legs = command.moves(AccountKind.RESERVED, AccountKind.LOCKED);
        return outcomes.answer(command, legs, reserved -> {
            if (reserved < command.quantity()) {
                return reject(command, RejectionReason.INSUFFICIENT_RESERVED,
                        RejectionMessages.shortOf("reserved", reserved, command.quantity()));
            }
            if (locked.buyerId() == null || locked.buyerId().isBlank()) {
                return reject(command, RejectionReason.INVALID_COMMAND, "a lock needs the buyer it is held for");
            }
            return ledger.post(command.id(), "LOCK_FOR_TRADE", ASSET, legs)
                    .call(() -> locks.add(locked.tradeId(), locked.sellerId(), locked.buyerId(), ASSET,
                            locked.quantityMicros()))
                    .replaceWith(command.done(EventTypes.FUNDS_LOCKED, locked));
        }, refusal);
    }

    public Uni<Void> release(ReleaseFunds c) {
        WalletCommand command = new WalletCommand(releaseId(c.tradeId()), EventTypes.RELEASE_FUNDS, c.tradeId(),
                c.sellerId(), c.quantityMicros(), c.buyerId());
        // A command of no quantity earns no fee; it is rejected before it could post.
        long feeMicros = command.quantity() > 0 ? fee.of(command.quantity()) : 0;
        List<Leg> legs = toBuyer(command, c.buyerId(), feeMicros);
        return outcomes.answer(command, legs,
                locked -> ifItsLockMatches(command, c.buyerId(), TradeLock.RELEASED, locked,
                        () -> ledger.post(command.id(), "RELEASE_TO_BUYER", ASSET, legs)
                                .replaceWith(command.done(EventTypes.FUNDS_RELEASED, new FundsReleased(c.tradeId(),
                                        c.sellerId(), c.buyerId(), c.quantityMicros(), feeMicros)))));
    }

    public Uni<Void> refund(RefundFunds c) {
        WalletCommand command = new WalletCommand(refundId(c.tradeId()), EventTypes.REFUND_FUNDS, c.tradeId(),
                c.sellerId(), c.quantityMicros());
        List<Leg> legs = command.moves(AccountKind.LOCKED, AccountKind.RESERVED);
        return outcomes.answer(command, legs,
                locked -> ifItsLockMatches(command, null, TradeLock.REFUNDED, locked,
                        () -> ledger.post(command.id(), "REFUND_TO_SELLER", ASSET, legs)
                                .replaceWith(command.done(EventTypes.FUNDS_REFUNDED,
                                        new FundsRefunded(c.tradeId(), c.sellerId(), c.quantityMicros())))));
    }

    /** The seller's locked quantity to the buyer, less the fee, which goes to one of the platform's fee accounts. */
    private static List<Leg> toBuyer(WalletCommand command, String buyerId, long feeMicros) {
        long q = command.quantity();
        List<Leg> legs = new ArrayList<>(List.of(new Leg(command.ownerId(), AccountKind.LOCKED, -q),
                new Leg(buyerId, AccountKind.AVAILABLE, q - feeMicros)));
        if (feeMicros > 0) { // a zero rate, or a trade too small for one micro-unit of fee, earns nothing
            legs.add(new Leg(PlatformOwner.feesOwner(command.subjectId()), AccountKind.FEES, feeMicros));
        }
        return legs;
    }

    /**
     * Moves the trade's locked USDT and settles its lock as {@code settledAs}, if the trade has a lock that
     * is still LOCKED and the command matches it: the same seller and quantity and, for a release
     * ({@code buyerId} not null), the same buyer. Otherwise the command is rejected and nothing moves.
     */
    private Uni<Outcome> ifItsLockMatches(WalletCommand command, String buyerId, String settledAs, long locked,
            Supplier<Uni<Outcome>> move) {
        UUID tradeId = command.subjectId();
        return locks.lockForSettlement(tradeId).chain(lock -> {
            if (lock == null) {
                return reject(command, RejectionReason.NOT_LOCKED, "trade " + tradeId + " has no USDT locked");
            }
            if (TradeLock.RELEASED.equals(lock.state())) {
                return reject(command, RejectionReason.ALREADY_RELEASED, "trade " + tradeId + " was already released");
            }
            if (TradeLock.REFUNDED.equals(lock.state())) {
                return reject(command, RejectionReason.ALREADY_REFUNDED, "trade " + tradeId + " was already refunded");
            }
            String mismatch = mismatch(lock, command, buyerId);
            if (mismatch != null) {
                return reject(command, RejectionReason.LOCK_MISMATCH, "trade " + tradeId + "'s lock " + mismatch);
            }
            if (locked < command.quantity()) { // cannot happen while every lock is its own record; the ledger agrees
                return reject(command, RejectionReason.NOT_LOCKED,
                        RejectionMessages.shortOf("the seller's locked", locked, command.quantity()));
            }
            return move.get().call(() -> locks.settle(tradeId, settledAs));
        });
    }

    /** How the command differs from the trade's lock, for people; null when it matches. */
    private static String mismatch(TradeLock lock, WalletCommand command, String buyerId) {
        List<String> differences = new ArrayList<>();
        if (!lock.sellerId().equals(command.ownerId())) {
            differences.add("was made by seller " + lock.sellerId() + ", not " + command.ownerId());
        }
        if (lock.quantityMicros() != command.quantity()) {
            differences.add("holds " + UsdtAmount.fromMicros(lock.quantityMicros()).toPlainString() + " USDT, not "
                    + UsdtAmount.fromMicros(command.quantity()).toPlainString());
        }
        if (buyerId != null && !lock.buyerId().equals(buyerId)) {
            differences.add("is for buyer " + lock.buyerId() + ", not " + buyerId);
        }
        return differences.isEmpty() ? null : String.join("; ", differences);
    }

    private static Uni<Outcome> reject(WalletCommand command, RejectionReason reason, String message) {
        return Uni.createFrom().item(command.reject(reason, message));
    }

    static String lockId(UUID tradeId) {
        return "lock:" + tradeId;
    }

    static String releaseId(UUID tradeId) {
        return "release:" + tradeId;
    }

    static String refundId(UUID tradeId) {
        return "refund:" + tradeId;
    }
}
