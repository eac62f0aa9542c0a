package com.c2c.escrow.ad.messaging;

import com.c2c.escrow.ad.PaymentWindows;
import com.c2c.events.EventTypes;
import com.c2c.events.order.AdAmended;
import com.c2c.events.order.AdPosted;
import com.c2c.platform.messaging.inbox.Inbox;
import com.c2c.platform.messaging.inbox.ReceivedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps each ad's payment window, which times the buyer's payment on the ad's trades. */
@ApplicationScoped
public class OrderEventsConsumer {
    private static final Set<String> HANDLED = Set.of(EventTypes.AD_POSTED, EventTypes.AD_AMENDED);

    private final Inbox inbox;
    private final PaymentWindows windows;
    private final ObjectMapper json;

    OrderEventsConsumer(Inbox inbox, PaymentWindows windows, ObjectMapper json) {
        this.inbox = inbox;
        this.windows = windows;
        this.json = json;
    }

    @Incoming("order-events")
    public Uni<Void> on(Message<String> message) {
        return inbox.consume("escrow.order-events", message, HANDLED, this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        if (EventTypes.AD_POSTED.equals(event.type())) {
            AdPosted posted = event.data(json, AdPosted.class);
            return windows.remember(posted.adId(), posted.paymentWindowMinutes());
        }
        AdAmended amended = event.data(json, AdAmended.class);
        return windows.remember(amended.adId(), amended.paymentWindowMinutes());
    }
}
