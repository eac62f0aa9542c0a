package com.c2c.escrow.trade.messaging;

import com.c2c.escrow.trade.TradeOpening;
import com.c2c.events.EventTypes;
import com.c2c.events.matching.TradeMatched;
import com.c2c.platform.messaging.inbox.Inbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Every trade the book matches is opened in escrow. */
@ApplicationScoped
public class MatchingEventsConsumer {
    private final Inbox inbox;
    private final TradeOpening opening;
    private final ObjectMapper json;

    MatchingEventsConsumer(Inbox inbox, TradeOpening opening, ObjectMapper json) {
        this.inbox = inbox;
        this.opening = opening;
        this.json = json;
    }

    @Incoming("matching-events")
    public Uni<Void> on(Message<String> message) {
        return inbox.consume("escrow.matching-events", message, Set.of(EventTypes.TRADE_MATCHED),
                event -> opening.open(event.data(json, TradeMatched.class)));
    }
}
