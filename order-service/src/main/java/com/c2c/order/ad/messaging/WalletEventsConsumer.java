package com.c2c.order.ad.messaging;

import com.c2c.events.EventTypes;
import com.c2c.events.wallet.AdFundsRejected;
import com.c2c.events.wallet.AdFundsReserved;
import com.c2c.order.ad.AdService;
import com.c2c.platform.messaging.inbox.Inbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The wallet's answer to a posted ad decides whether the ad enters the book. */
@ApplicationScoped
public class WalletEventsConsumer {
    private static final Set<String> HANDLED = Set.of(EventTypes.AD_FUNDS_RESERVED, EventTypes.AD_FUNDS_REJECTED);

    private final Inbox inbox;
    private final AdService ads;
    private final ObjectMapper json;

    WalletEventsConsumer(Inbox inbox, AdService ads, ObjectMapper json) {
        this.inbox = inbox;
        this.ads = ads;
        this.json = json;
    }

    @Incoming("wallet-events")
    public Uni<Void> on(Message<String> message) {
        return inbox.consume("order.wallet-events", message, HANDLED,
                event -> EventTypes.AD_FUNDS_RESERVED.equals(event.type())
                        ? ads.fundsReserved(event.data(json, AdFundsReserved.class).adId())
                        : ads.fundsRejected(event.data(json, AdFundsRejected.class).adId()));
    }
}
