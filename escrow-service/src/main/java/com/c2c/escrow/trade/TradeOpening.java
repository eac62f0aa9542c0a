package com.c2c.escrow.trade;

import com.c2c.escrow.trade.domain.TradeStatus;
import com.c2c.escrow.trade.messaging.WalletOrders;
import com.c2c.escrow.trade.store.Trade;
import com.c2c.escrow.trade.store.TradeRows;
import com.c2c.events.matching.TradeMatched;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Opens the trades the book matched and asks the wallet to lock the seller's USDT for them. An opened trade is
 * not announced: the book's TradeMatched already told every service that follows trades (ADR 0019); the first
 * lifecycle event is TradeLocked (or TradeCancelled when the wallet refuses the lock).
 */
@ApplicationScoped
public class TradeOpening {
    private static final Logger LOG = Logger.getLogger(TradeOpening.class);

    private final WalletOrders wallet;

    TradeOpening(WalletOrders wallet) {
        this.wallet = wallet;
    }

    /**
     * Opens the trade under the book's trade id, in the consumer's transaction, with its LockFunds
     * command. A match seen again (same trade id) opens nothing and sends nothing.
     */
    public Uni<Void> open(TradeMatched match) {
        if (match.buyerId().equals(match.sellerId())) {
            // The book never matches an owner with themself; if it did, holding the trade could only strand USDT.
            LOG.errorf("trade %s matches %s with themself; not opened", match.tradeId(), match.buyerId());
            return Uni.createFrom().voidItem();
        }
        Trade trade = new Trade();
        trade.id = match.tradeId();
        trade.market = match.market();
        trade.takerOrderId = match.takerOrderId();
        trade.makerOrderId = match.makerOrderId();
        trade.buyerId = match.buyerId();
        trade.sellerId = match.sellerId();
        trade.quantityMicros = match.quantityMicros();
        trade.priceMinor = match.priceMinor();
        trade.fiatAmountMinor = match.fiatAmountMinor();
        trade.status = TradeStatus.OPENED;
        trade.createdAt = Instant.now();
        trade.updatedAt = trade.createdAt;
        return TradeRows.insertIfAbsent(trade)
                .chain(inserted -> inserted ? wallet.lock(trade) : Uni.createFrom().voidItem());
    }
}
