package com.c2c.order.messaging;

import com.c2c.events.EventTypes;
import com.c2c.events.matching.BookQuantityCancelled;
import com.c2c.events.matching.OrderRejected;
import com.c2c.events.matching.TradeMatched;
import com.c2c.order.ad.AdBookkeeping;
import com.c2c.order.taker.TakerOrderOutcomes;
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
 * The book's answers, for ads and taker orders alike: one channel, consumed in partition order (one
 * market's events in the order the engine emitted them), each offered to both domains, which ignore ids
 * that are not theirs.
 */
@ApplicationScoped
public class MatchingEventsConsumer {
    private static final Set<String> HANDLED = Set.of(EventTypes.TRADE_MATCHED, EventTypes.ORDER_REJECTED,
            EventTypes.BOOK_QUANTITY_CANCELLED);

    private final Inbox inbox;
    private final TradeProgress trades;
    private final AdBookkeeping ads;
    private final TakerOrderOutcomes orders;
    private final ObjectMapper json;

    MatchingEventsConsumer(Inbox inbox, TradeProgress trades, AdBookkeeping ads, TakerOrderOutcomes orders,
            ObjectMapper json) {
        this.inbox = inbox;
        this.trades = trades;
        this.ads = ads;
        this.orders = orders;
        this.json = json;
    }

    @Incoming("matching-events")
    public Uni<Void> on(Message<String> message) {
        return inbox.consume("order.matching-events", message, HANDLED, this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        return switch (event.type()) {
            case EventTypes.TRADE_MATCHED -> matched(event.data(json, TradeMatched.class));
            case EventTypes.ORDER_REJECTED -> {
                OrderRejected r = event.data(json, OrderRejected.class);
                yield ads.refused(r.orderId(), r.reason())
                        .chain(() -> orders.rejected(r.orderId(), r.reason(), r.message()));
            }
            default -> {
                BookQuantityCancelled c = event.data(json, BookQuantityCancelled.class);
                yield ads.withdrawn(c.orderId(), c.quantityMicros())
                        .chain(() -> orders.bookCancelled(c.orderId(), c.quantityMicros()));
            }
        };
    }

    private Uni<Void> matched(TradeMatched m) {
        return trades.matched(m).chain(first -> !first ? Uni.createFrom().voidItem()
                : ads.traded(m.makerOrderId(), m.tradeId(), m.quantityMicros())
                        .chain(() -> orders.matched(m.takerOrderId(), m.quantityMicros())));
    }
}
