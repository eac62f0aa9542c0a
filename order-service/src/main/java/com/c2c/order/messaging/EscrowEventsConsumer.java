package com.c2c.order.messaging;

import com.c2c.events.EventCatalog;
import com.c2c.events.EventType;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.events.escrow.TradeStateChanged;
import com.c2c.order.ad.AdBookkeeping;
import com.c2c.order.taker.TakerOrderOutcomes;
import com.c2c.order.trade.CompletedTrades;
import com.c2c.order.trade.TradeProgress;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Escrow's trade lifecycle: the trade's status for its taker order, and at its end (once per trade) the
 * completed-trade counts of both parties, or the cancelled quantity's way back to the ad and the taker.
 */
@Singleton
public class EscrowEventsConsumer {
    private final TradeProgress trades;
    private final CompletedTrades completed;
    private final AdBookkeeping ads;
    private final TakerOrderOutcomes orders;

    EscrowEventsConsumer(EventConsumer consumer, TradeProgress trades, CompletedTrades completed, AdBookkeeping ads,
            TakerOrderOutcomes orders) {
        this.trades = trades;
        this.completed = completed;
        this.ads = ads;
        this.orders = orders;
        Subscription.Builder subscription = Subscription.of("order.escrow-events", "escrow-events",
                Topics.ESCROW_EVENTS).ignoring(EventCatalog.TRADE_OPENED);
        for (EventType<TradeStateChanged> type : List.of(EventCatalog.TRADE_LOCKED, EventCatalog.TRADE_PAID,
                EventCatalog.TRADE_DISPUTED, EventCatalog.TRADE_COMPLETED, EventCatalog.TRADE_CANCELLED)) {
            subscription.on(type, e -> changed(type.name(), e));
        }
        consumer.register(subscription.build());
    }

    private Uni<Void> changed(String type, TradeStateChanged e) {
        return trades.changed(type, e).chain(change -> {
            if (!change.firstEnd()) {
                return Uni.createFrom().voidItem();
            }
            if (EventTypes.TRADE_COMPLETED.equals(type)) {
                return completed.count(e.buyerId(), e.sellerId());
            }
            return ads.tradeReturned(e.makerOrderId(), e.tradeId(), e.quantityMicros())
                    .chain(() -> orders.tradeReturned(e.takerOrderId(), e.tradeId(), e.quantityMicros()));
        });
    }
}
