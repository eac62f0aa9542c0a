package com.c2c.escrow.trade.messaging;

import com.c2c.escrow.trade.TradeService;
import com.c2c.events.EventTypes;
import com.c2c.events.matching.TradeMatched;
import com.c2c.platform.messaging.inbox.Inbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Every trade the book matches is opened in escrow. */
@ApplicationScoped
public class MatchingEventsConsumer {
    private final Inbox inbox;
    private final TradeService trades;
    private final ObjectMapper json;

    MatchingEventsConsumer(Inbox inbox, TradeService trades, ObjectMapper json) {
        this.inbox = inbox;
        this.trades = trades;
        this.json = json;
    }

    @Incoming("matching-events")
    public Uni<Void> on(Message<String> message) {
        boolean match = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(ce -> EventTypes.TRADE_MATCHED.equals(ce.getType())).orElse(false);
        if (!match) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return inbox.consume("escrow.matching-events", message,
                event -> trades.openMatched(event.data(json, TradeMatched.class)));
    }
}
