package com.c2c.escrow.trade;

import com.c2c.escrow.trade.domain.TradeAction;
import com.c2c.escrow.trade.domain.TradeStatus;
import com.c2c.escrow.trade.store.Trade;
import com.c2c.events.wallet.TradeTerms;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Opens the trades the book matched, from the wallet's answer to the lock it took on for each (ADR 0028): the
 * answer carries the trade as the book matched it, and escrow records the trade with the answer applied, in the
 * answer's consumer transaction: LOCKED (announced as TradeLocked, the buyer's payment deadline running) or, when
 * the wallet could not lock, CANCELLED (announced as TradeCancelled). There is no OPENED step any more; trades opened
 * OPENED before ADR 0028 still wait for the wallet's answer to their LockFunds.
 */
@ApplicationScoped
public class TradeOpening {
    private final TradeMoves moves;

    TradeOpening(TradeMoves moves) {
        this.moves = moves;
    }

    /**
     * Records the trade as {@code action} (LOCK or REJECT_LOCK) leaves it, with what that move sends; false, having
     * recorded and sent nothing, when escrow holds the trade already (the answer repeated, or a trade opened before
     * ADR 0028), which the caller then moves as a trade it holds.
     */
    public Uni<Boolean> open(UUID tradeId, String sellerId, String buyerId, long quantityMicros, TradeTerms terms,
            TradeAction action) {
        Trade trade = new Trade();
        trade.id = tradeId;
        trade.market = terms.market();
        trade.takerOrderId = terms.takerOrderId();
        trade.makerOrderId = terms.makerOrderId();
        trade.buyerId = buyerId;
        trade.sellerId = sellerId;
        trade.quantityMicros = quantityMicros;
        trade.priceMinor = terms.priceMinor();
        trade.fiatAmountMinor = terms.fiatAmountMinor();
        trade.status = TradeStatus.OPENED; // matched, as the move starts from
        trade.createdAt = Instant.now();
        trade.updatedAt = trade.createdAt;
        trade.version = 0L;
        return moves.open(trade, action, trade.createdAt);
    }
}
