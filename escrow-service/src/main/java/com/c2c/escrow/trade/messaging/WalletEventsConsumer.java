package com.c2c.escrow.trade.messaging;

import com.c2c.escrow.trade.FundsOutcomes;
import com.c2c.events.EventTypes;
import com.c2c.events.wallet.FundsLocked;
import com.c2c.events.wallet.FundsRefunded;
import com.c2c.events.wallet.FundsReleased;
import com.c2c.events.wallet.WalletCommandRejected;
import com.c2c.platform.messaging.inbox.Inbox;
import com.c2c.platform.messaging.inbox.ReceivedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The wallet's outcomes for trades move them on; its other events (ads, deposits) are not escrow's. */
@ApplicationScoped
public class WalletEventsConsumer {
    private static final Set<String> HANDLED = Set.of(EventTypes.FUNDS_LOCKED, EventTypes.FUNDS_RELEASED,
            EventTypes.FUNDS_REFUNDED, EventTypes.WALLET_COMMAND_REJECTED);

    private final Inbox inbox;
    private final FundsOutcomes outcomes;
    private final ObjectMapper json;

    WalletEventsConsumer(Inbox inbox, FundsOutcomes outcomes, ObjectMapper json) {
        this.inbox = inbox;
        this.outcomes = outcomes;
        this.json = json;
    }

    @Incoming("wallet-events")
    public Uni<Void> on(Message<String> message) {
        return inbox.consume("escrow.wallet-events", message, HANDLED, this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        return switch (event.type()) {
            case EventTypes.FUNDS_LOCKED -> outcomes.locked(event.data(json, FundsLocked.class));
            case EventTypes.FUNDS_RELEASED -> outcomes.released(event.data(json, FundsReleased.class));
            case EventTypes.FUNDS_REFUNDED -> outcomes.refunded(event.data(json, FundsRefunded.class));
            case EventTypes.WALLET_COMMAND_REJECTED -> outcomes.rejected(event.data(json,
                    WalletCommandRejected.class));
            default -> throw new IllegalStateException("not a trade outcome: " + event.type());
        };
    }
}
