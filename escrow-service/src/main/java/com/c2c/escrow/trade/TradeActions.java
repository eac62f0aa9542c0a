package com.c2c.escrow.trade;

import com.c2c.platform.messaging.audit.AuditTrail;
import com.c2c.escrow.trade.domain.Decision;
import com.c2c.escrow.trade.domain.Role;
import com.c2c.escrow.trade.domain.TradeAction;
import com.c2c.escrow.trade.domain.TradeLifecycle;
import com.c2c.escrow.trade.store.Trade;
import com.c2c.escrow.trade.store.TradeRows;
import com.c2c.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * People's actions on a trade (buyer, seller, arbiter). Each locks the trade's row first, so a deadline
 * scan or the other party acting at the same moment waits and then sees the outcome: exactly one wins.
 */
@ApplicationScoped
public class TradeActions {
    private final TradeMoves moves;
    private final AuditTrail audit;

    TradeActions(TradeMoves moves, AuditTrail audit) {
        this.moves = moves;
        this.audit = audit;
    }

    /**
     * @return the trade after the action, or as it is when the caller repeats the action they already
     *         took (nothing is changed or sent again)
     */
    @WithTransaction
    public Uni<Trade> act(UUID tradeId, String callerId, boolean arbiter, TradeAction action, Statement statement) {
        return TradeRows.lock(tradeId).chain(trade -> {
            if (trade == null) {
                throw ProblemException.notFound("trade " + tradeId);
            }
            Instant now = Instant.now();
            Role role = Role.of(trade.buyerId, trade.sellerId, callerId, arbiter);
            return switch (TradeLifecycle.decide(trade.state(), action, role, callerId, now)) {
                case Decision.Move move -> moves.apply(trade, move.action(), callerId, statement, now)
                        .call(moved -> role == Role.ARBITER
                                ? audit.record(callerId, "dispute.resolve", tradeId.toString(), move.action().name())
                                : Uni.createFrom().voidItem());
                case Decision.Repeat repeat -> Uni.createFrom().item(trade);
                case Decision.Hidden hidden -> throw ProblemException.notFound("trade " + tradeId);
                case Decision.Forbidden forbidden -> throw new ProblemException(403, "forbidden", "Forbidden",
                        forbidden.why(), List.of());
                case Decision.Conflict conflict -> throw ProblemException.conflict("trade-state", conflict.why());
            };
        });
    }
}
