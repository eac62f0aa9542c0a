package com.c2c.order.messaging;

import com.c2c.events.EventTypes;
import com.c2c.events.wallet.AdFundsRejected;
import com.c2c.events.wallet.AdFundsReserved;
import com.c2c.events.wallet.FundsReserved;
import com.c2c.events.wallet.WalletCommandRejected;
import com.c2c.order.ad.AdBookkeeping;
import com.c2c.order.taker.TakerOrderOutcomes;
import com.c2c.platform.messaging.inbox.Inbox;
import com.c2c.platform.messaging.inbox.ReceivedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The wallet's answers: whether an ad's (or a raise of its total's) or a SELL order's USDT was reserved. A rejected release is not
 * expected (this service releases only what it knows is reserved): it is logged and counted for an
 * operator's alert (docs/operations.md).
 */
@ApplicationScoped
public class WalletEventsConsumer {
    private static final Logger LOG = Logger.getLogger(WalletEventsConsumer.class);
    private static final Set<String> HANDLED = Set.of(EventTypes.AD_FUNDS_RESERVED, EventTypes.AD_FUNDS_REJECTED,
            EventTypes.FUNDS_RESERVED, EventTypes.WALLET_COMMAND_REJECTED);
    static final String RELEASE_REFUSED = "c2c.order.reservation.release.refused";

    private final Inbox inbox;
    private final AdBookkeeping ads;
    private final TakerOrderOutcomes orders;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    WalletEventsConsumer(Inbox inbox, AdBookkeeping ads, TakerOrderOutcomes orders, ObjectMapper json,
            MeterRegistry meters) {
        this.inbox = inbox;
        this.ads = ads;
        this.orders = orders;
        this.json = json;
        this.meters = meters;
    }

    @Incoming("wallet-events")
    public Uni<Void> on(Message<String> message) {
        return inbox.consume("order.wallet-events", message, HANDLED, this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        return switch (event.type()) {
            case EventTypes.AD_FUNDS_RESERVED -> ads.fundsReserved(event.data(json, AdFundsReserved.class).adId());
            case EventTypes.AD_FUNDS_REJECTED -> ads.fundsRejected(event.data(json, AdFundsRejected.class).adId());
            case EventTypes.FUNDS_RESERVED -> {
                // A SELL order's reservation, or the raise of an ad's total: each domain ignores the other's ids.
                FundsReserved r = event.data(json, FundsReserved.class);
                yield orders.fundsReserved(r.orderId())
                        .chain(() -> ads.topUpReserved(r.orderId(), r.commandId(), r.quantityMicros()));
            }
            default -> rejected(event.data(json, WalletCommandRejected.class));
        };
    }

    private Uni<Void> rejected(WalletCommandRejected r) {
        if (EventTypes.RESERVE_FUNDS.equals(r.command())) {
            return orders.reserveRejected(r.subjectId(), r.reason(), r.message())
                    .chain(() -> ads.topUpRejected(r.subjectId(), r.commandId(), r.reason(), r.message()));
        }
        if (EventTypes.RELEASE_RESERVATION.equals(r.command())) {
            LOG.errorf("the wallet refused release %s of %s for %s: %s (%s)", r.commandId(), r.subjectId(),
                    r.ownerId(), r.reason(), r.message());
            meters.counter(RELEASE_REFUSED, "reason", r.reason()).increment();
        }
        return Uni.createFrom().voidItem();
    }
}
