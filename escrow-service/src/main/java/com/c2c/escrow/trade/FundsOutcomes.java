package com.c2c.escrow.trade;

import com.c2c.escrow.trade.domain.Decision;
import com.c2c.escrow.trade.domain.FundsMovement;
import com.c2c.escrow.trade.domain.Role;
import com.c2c.escrow.trade.domain.TradeAction;
import com.c2c.escrow.trade.domain.TradeLifecycle;
import com.c2c.escrow.trade.messaging.TradeAnnouncer;
import com.c2c.escrow.trade.store.Trade;
import com.c2c.escrow.trade.store.TradeRows;
import com.c2c.events.EventTypes;
import com.c2c.events.wallet.FundsLocked;
import com.c2c.events.wallet.FundsRefunded;
import com.c2c.events.wallet.FundsReleased;
import com.c2c.events.wallet.RejectionReason;
import com.c2c.events.wallet.TradeLockRefused;
import com.c2c.events.wallet.TradeTerms;
import com.c2c.events.wallet.WalletCommandRejected;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The wallet's answers about a trade's funds, applied in the consumer's transaction with the trade's
 * row locked (or, for the lock that opens a trade, ADR 0028, the trade's row inserted). Each applies once: an answer repeated (the wallet answers a re-sent command again)
 * finds the trade already past it and changes nothing.
 */
@ApplicationScoped
public class FundsOutcomes {
    private static final Logger LOG = Logger.getLogger(FundsOutcomes.class);

    /** Alert on any increase: each one is a trade whose settlement the ledger refused (docs/operations.md). */
    static final String SETTLEMENT_REFUSED = "c2c.escrow.settlement.refused";
    private final TradeOpening opening;
    private final TradeMoves moves;
    private final TradeAnnouncer announcer;
    private final MeterRegistry meters;

    FundsOutcomes(TradeOpening opening, TradeMoves moves, TradeAnnouncer announcer, MeterRegistry meters) {
        this.opening = opening;
        this.moves = moves;
        this.announcer = announcer;
        this.meters = meters;
    }

    /**
     * The seller's USDT is locked: with the trade's terms (the wallet locked on the book's match, ADR 0028) the trade
     * is opened from them, LOCKED; a trade escrow holds already (the answer repeated, or a trade opened before ADR
     * 0028 whose LockFunds this answers) is moved on as before.
     */
    public Uni<Void> locked(FundsLocked event) {
        if (event.terms() == null) {
            return escrowActs(event.tradeId(), event.quantityMicros(), TradeAction.LOCK);
        }
        return openOrMove(event.tradeId(), event.sellerId(), event.buyerId(), event.quantityMicros(), event.terms(),
                TradeAction.LOCK);
    }

    /** The wallet could not lock the trade's USDT: the trade is recorded CANCELLED (or, held already, cancelled). */
    public Uni<Void> lockRefused(TradeLockRefused event) {
        LOG.infof("wallet refused to lock trade %s: %s (%s)", event.tradeId(), event.reason(), event.message());
        return openOrMove(event.tradeId(), event.sellerId(), event.buyerId(), event.quantityMicros(), event.terms(),
                TradeAction.REJECT_LOCK);
    }

    /** Opens the trade as {@code action} leaves it; a trade escrow holds already is moved by the action instead. */
    private Uni<Void> openOrMove(UUID tradeId, String sellerId, String buyerId, long quantityMicros, TradeTerms terms,
            TradeAction action) {
        return opening.open(tradeId, sellerId, buyerId, quantityMicros, terms, action)
                .chain(opened -> opened ? Uni.createFrom().voidItem() : escrowActs(tradeId, quantityMicros, action));
    }

    public Uni<Void> rejected(WalletCommandRejected event) {
        if (RejectionReason.COMMAND_ID_REUSED.name().equals(event.reason())) {
            // Another command under an id the wallet had already decided: the first outcome stands and is (or
            // was) answered on its own, so this says nothing about the trade. Since a trade's funds travel on
            // their own topic (ADR 0019), such a refusal may even arrive before that answer; acting on it could
            // cancel a trade whose USDT the wallet locked. The wallet counts it for an operator.
            LOG.errorf("wallet refused a reused command id %s for trade %s: %s", event.commandId(),
                    event.subjectId(), event.message());
            return Uni.createFrom().voidItem();
        }
        if (EventTypes.LOCK_FUNDS.equals(event.command())) {
            return escrowActs(event.subjectId(), null, TradeAction.REJECT_LOCK);
        }
        if (EventTypes.RELEASE_FUNDS.equals(event.command()) || EventTypes.REFUND_FUNDS.equals(event.command())) {
            // Escrow sends one of the two per trade, only after a lock; a refusal means the ledger and the
            // trade disagree, which needs a person, not a retry.
            LOG.errorf("wallet refused %s for trade %s: %s (%s)", event.command(), event.subjectId(), event.reason(),
                    event.message());
            meters.counter(SETTLEMENT_REFUSED, "command", event.command(), "reason", event.reason()).increment();
            return TradeRows.lock(event.subjectId()).chain(trade -> {
                if (trade == null || trade.walletRefusedAt != null) {
                    return Uni.createFrom().voidItem();
                }
                trade.walletRefusedAt = Instant.now(); // sending it again would be refused again
                return TradeRows.write(trade);
            });
        }
        return Uni.createFrom().voidItem();
    }

    public Uni<Void> released(FundsReleased event) {
        return settle(event.tradeId(), event.quantityMicros(), FundsMovement.RELEASE_TO_BUYER,
                trade -> trade.feeMicros = event.feeMicros());
    }

    public Uni<Void> refunded(FundsRefunded event) {
        return settle(event.tradeId(), event.quantityMicros(), FundsMovement.REFUND_TO_SELLER, trade -> {
        });
    }

    private Uni<Void> escrowActs(UUID tradeId, Long quantityMicros, TradeAction action) {
        return TradeRows.lock(tradeId).chain(trade -> {
            if (trade == null) {
                LOG.warnf("wallet answered for unknown trade %s (%s); ignored", tradeId, action);
                return Uni.createFrom().voidItem();
            }
            if (quantityMicros != null) {
                requireSameQuantity(trade, quantityMicros);
            }
            Instant now = Instant.now();
            Decision decision = TradeLifecycle.decide(trade.state(), action, Role.ESCROW, Role.ESCROW_ID, now);
            if (decision instanceof Decision.Move move) {
                return moves.apply(trade, move.action(), Role.ESCROW_ID, Statement.NONE, now).replaceWithVoid();
            }
            LOG.debugf("trade %s: %s not applied (%s)", tradeId, action, decision);
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> settle(UUID tradeId, long quantityMicros, FundsMovement moved, Consumer<Trade> record) {
        return TradeRows.lock(tradeId).chain(trade -> {
            if (trade == null) {
                LOG.warnf("wallet reported %s for unknown trade %s; ignored", moved, tradeId);
                return Uni.createFrom().voidItem();
            }
            requireSameQuantity(trade, quantityMicros);
            if (!TradeLifecycle.settles(trade.state(), moved)) {
                LOG.debugf("trade %s: %s already settled or not asked for", tradeId, moved);
                return Uni.createFrom().voidItem();
            }
            record.accept(trade);
            trade.settledAt = Instant.now();
            trade.updatedAt = trade.settledAt;
            return TradeRows.write(trade).chain(() -> announcer.announce(trade, moved.whenDone()));
        });
    }

    /** The wallet moved what escrow holds, or the two disagree and nothing may be recorded. */
    private static void requireSameQuantity(Trade trade, long quantityMicros) {
        if (quantityMicros != trade.quantityMicros) {
            throw new IllegalStateException("wallet moved " + quantityMicros + " micro-USDT for trade " + trade.id
                    + ", which holds " + trade.quantityMicros);
        }
    }
}
