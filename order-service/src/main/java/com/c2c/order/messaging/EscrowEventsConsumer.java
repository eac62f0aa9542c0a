package com.c2c.order.messaging;

import com.c2c.events.EventTypes;
import com.c2c.events.escrow.TradeStateChanged;
import com.c2c.order.ad.AdBookkeeping;
import com.c2c.order.taker.TakerOrderOutcomes;
import com.c2c.order.trade.CompletedTrades;
import com.c2c.order.trade.TradeProgress;
import com.c2c.platform.messaging.inbox.Inbox;
import com.c2c.platform.messaging.inbox.ReceivedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Escrow's trade lifecycle: the trade's status for its taker order, and at its end (once per trade) the
 * completed-trade counts of both parties, or the cancelled quantity's way back to the ad and the taker.
 */
@ApplicationScoped
public class EscrowEventsConsumer {
    private static final Set<String> HANDLED = Set.of(EventTypes.TRADE_LOCKED, EventTypes.TRADE_PAID,
            EventTypes.TRADE_DISPUTED, EventTypes.TRADE_COMPLETED, EventTypes.TRADE_CANCELLED);

    private final Inbox inbox;
    private final TradeProgress trades;
    private final CompletedTrades completed;
    private final AdBookkeeping ads;
    private final TakerOrderOutcomes orders;
    private final ObjectMapper json;

    EscrowEventsConsumer(Inbox inbox, TradeProgress trades, CompletedTrades completed, AdBookkeeping ads,
            TakerOrderOutcomes orders, ObjectMapper json) {
        this.inbox = inbox;
        this.trades = trades;
        this.completed = completed;
        this.ads = ads;
        this.orders = orders;
        this.json = json;
    }

    @Incoming("escrow-events")
    public Uni<Void> on(Message<String> message) {
        return inbox.consume("order.escrow-events", message, HANDLED, this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        TradeStateChanged e = event.data(json, TradeStateChanged.class);
        return trades.changed(event.type(), e).chain(change -> {
            if (!change.firstEnd()) {
                return Uni.createFrom().voidItem();
            }
            if (EventTypes.TRADE_COMPLETED.equals(event.type())) {
                return completed.count(e.buyerId(), e.sellerId());
            }
            return ads.tradeReturned(e.makerOrderId(), e.tradeId(), e.quantityMicros())
                    .chain(() -> orders.tradeReturned(e.takerOrderId(), e.tradeId(), e.quantityMicros()));
        });
    }
}
