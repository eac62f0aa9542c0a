package com.c2c.order.taker;

import com.c2c.events.EventTypes;
import com.c2c.events.matching.OrderRejected;
import com.c2c.events.matching.TradeMatched;
import com.c2c.platform.messaging.inbox.Inbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps taker orders' status up to date with the book's answers. */
@ApplicationScoped
public class MatchingEventsConsumer {
    private static final Set<String> HANDLED = Set.of(EventTypes.TRADE_MATCHED, EventTypes.ORDER_REJECTED);

    private final Inbox inbox;
    private final TakerOrderService orders;
    private final ObjectMapper json;

    MatchingEventsConsumer(Inbox inbox, TakerOrderService orders, ObjectMapper json) {
        this.inbox = inbox;
        this.orders = orders;
        this.json = json;
    }

    @Incoming("matching-events")
    public Uni<Void> on(Message<String> message) {
        return inbox.consume("order.matching-events", message, HANDLED, event -> {
            if (EventTypes.TRADE_MATCHED.equals(event.type())) {
                return orders.matched(event.data(json, TradeMatched.class).takerOrderId());
            }
            OrderRejected rejected = event.data(json, OrderRejected.class);
            return orders.rejected(rejected.orderId(), rejected.reason() + ": " + rejected.message());
        });
    }
}
