package com.c2c.escrow.trade;

import com.c2c.escrow.ad.PaymentWindows;
import com.c2c.escrow.config.EscrowConfig;
import com.c2c.escrow.trade.domain.Role;
import com.c2c.escrow.trade.domain.TradeAction;
import com.c2c.escrow.trade.messaging.TradeAnnouncer;
import com.c2c.escrow.trade.messaging.WalletOrders;
import com.c2c.escrow.trade.store.Dispute;
import com.c2c.escrow.trade.store.Trade;
import com.c2c.escrow.trade.store.TradeRows;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Carries out a move the state machine allowed, on a trade whose row the caller's transaction holds
 * locked: the new state, then the wallet command and the announcement it calls for, all in that one
 * transaction (so a move and its messages exist together or not at all).
 */
@ApplicationScoped
public class TradeMoves {
    private final PaymentWindows paymentWindows;
    private final Duration confirmWindow;
    private final WalletOrders wallet;
    private final TradeAnnouncer announcer;

    TradeMoves(PaymentWindows paymentWindows, EscrowConfig config, WalletOrders wallet, TradeAnnouncer announcer) {
        this.paymentWindows = paymentWindows;
        this.confirmWindow = config.confirmWindow();
        this.wallet = wallet;
        this.announcer = announcer;
    }

    public Uni<Trade> apply(Trade trade, TradeAction action, String actorId, Statement statement, Instant now) {
        return decide(trade, action, actorId, statement, now)
                .chain(() -> TradeRows.write(trade))
                .chain(() -> sendAndAnnounce(trade, action))
                .replaceWith(trade);
    }

    /**
     * Records a trade escrow did not hold yet, as escrow's {@code action} on the wallet's answer leaves it (ADR 0028):
     * {@code trade} is new, OPENED, not stored; it is inserted already moved, with its messages. False, with nothing
     * stored or sent, when a trade of that id is stored already.
     */
    public Uni<Boolean> open(Trade trade, TradeAction action, Instant now) {
        return decide(trade, action, Role.ESCROW_ID, Statement.NONE, now)
                .chain(() -> TradeRows.insertIfAbsent(trade))
                .call(inserted -> inserted ? sendAndAnnounce(trade, action) : Uni.createFrom().voidItem());
    }

    /** The trade as the move leaves it, in memory. */
    private Uni<Void> decide(Trade trade, TradeAction action, String actorId, Statement statement, Instant now) {
        if (trade.status != action.from()) {
            throw new IllegalStateException("trade " + trade.id + " is " + trade.status + ", cannot take " + action);
        }
        return deadlineAfter(trade, action, now).invoke(deadline -> {
            trade.status = action.to();
            trade.reason = action.reason(statement.text());
            trade.deadlineAt = deadline;
            trade.lastAction = action;
            trade.lastActor = actorId;
            trade.updatedAt = now;
            // a new step: whatever it now waits for from the wallet gets its own first timeout
            trade.walletResends = 0;
            trade.walletResendAt = null;
            if (action.opensDispute()) {
                String openedBy = action == TradeAction.DISPUTE ? actorId : null;
                trade.dispute = Dispute.opened(openedBy, trade.reason, statement.evidence(), now);
            }
            if (action.resolvesDispute()) {
                trade.dispute.resolve(action.name(), statement.text(), actorId, now);
            }
            if (action.settlesAtOnce()) {
                trade.settledAt = now;
            }
        }).replaceWithVoid();
    }

    /** The wallet command and the announcement the move calls for, in the transaction that stored it. */
    private Uni<Void> sendAndAnnounce(Trade trade, TradeAction action) {
        return wallet.move(trade, action.funds()).chain(() -> announcer.announce(trade, action.announcement()));
    }

    private Uni<Instant> deadlineAfter(Trade trade, TradeAction action, Instant now) {
        return switch (action.deadline()) {
            case PAYMENT -> paymentWindows.forMaker(trade.makerOrderId).map(now::plus);
            case CONFIRMATION -> Uni.createFrom().item(now.plus(confirmWindow));
            case NONE -> Uni.createFrom().nullItem();
        };
    }
}
