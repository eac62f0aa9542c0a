package com.c2c.escrow.trade;

import com.c2c.escrow.ad.PaymentWindows;
import com.c2c.escrow.config.EscrowConfig;
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
        if (trade.status != action.from()) {
            throw new IllegalStateException("trade " + trade.id + " is " + trade.status + ", cannot take " + action);
        }
        return deadlineAfter(trade, action, now).chain(deadline -> {
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
            return TradeRows.write(trade)
                    .chain(() -> wallet.move(trade, action.funds()))
                    .chain(() -> announcer.announce(trade, action.announcement()))
                    .replaceWith(trade);
        });
    }

    private Uni<Instant> deadlineAfter(Trade trade, TradeAction action, Instant now) {
        return switch (action.deadline()) {
            case PAYMENT -> paymentWindows.forMaker(trade.makerOrderId).map(now::plus);
            case CONFIRMATION -> Uni.createFrom().item(now.plus(confirmWindow));
            case NONE -> Uni.createFrom().nullItem();
        };
    }
}
