package com.c2c.wallet.reservation;

import com.c2c.events.EventTypes;
import com.c2c.events.order.AdPosted;
import com.c2c.platform.messaging.inbox.Inbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The wallet's view of order-service's events: a posted SELL ad gets its USDT reserved, once. */
@ApplicationScoped
public class OrderEventsConsumer {
    private final Inbox inbox;
    private final AdReservations reservations;
    private final ObjectMapper json;

    OrderEventsConsumer(Inbox inbox, AdReservations reservations, ObjectMapper json) {
        this.inbox = inbox;
        this.reservations = reservations;
        this.json = json;
    }

    @Incoming("order-events")
    public Uni<Void> on(Message<String> message) {
        // Most of the topic (orders for the book) is not the wallet's business.
        return inbox.consume("wallet.order-events", message, Set.of(EventTypes.AD_POSTED),
                event -> reservations.reserve(event.data(json, AdPosted.class)));
    }
}
