package com.c2c.order.messaging;

import com.c2c.events.EventCatalog;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.events.wallet.WalletCommandRejected;
import com.c2c.order.ad.AdBookkeeping;
import com.c2c.order.taker.TakerOrderOutcomes;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.Subscription;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The wallet's answers: whether an ad's (or a raise of its total's) or a SELL order's USDT was reserved. A rejected release is not
 * expected (this service releases only what it knows is reserved): it is logged and counted for an
 * operator's alert (docs/operations.md).
 */
@Singleton
public class WalletEventsConsumer {
    private static final Logger LOG = Logger.getLogger(WalletEventsConsumer.class);
    static final String RELEASE_REFUSED = "c2c.order.reservation.release.refused";

    private final AdBookkeeping ads;
    private final TakerOrderOutcomes orders;
    private final MeterRegistry meters;

    WalletEventsConsumer(EventConsumer consumer, AdBookkeeping ads, TakerOrderOutcomes orders, MeterRegistry meters) {
        this.ads = ads;
        this.orders = orders;
        this.meters = meters;
        consumer.register(Subscription.of("order.wallet-events", "wallet-events", Topics.WALLET_EVENTS)
                .on(EventCatalog.AD_FUNDS_RESERVED, r -> ads.fundsReserved(r.adId()))
                .on(EventCatalog.AD_FUNDS_REJECTED, r -> ads.fundsRejected(r.adId()))
                // A SELL order's reservation, or the raise of an ad's total: each domain ignores the other's ids.
                .on(EventCatalog.FUNDS_RESERVED, r -> orders.fundsReserved(r.orderId())
                        .chain(() -> ads.topUpReserved(r.orderId(), r.commandId(), r.quantityMicros())))
                .on(EventCatalog.WALLET_COMMAND_REJECTED, this::rejected)
                // credits, releases and trade locks are the wallet's and the escrow's business
                .ignoring(EventCatalog.FUNDS_CREDITED, EventCatalog.DEPOSIT_ADDRESS_ASSIGNED, EventCatalog.OUTGOING_TRANSFER_SIGNED, EventCatalog.RESERVATION_RELEASED, EventCatalog.FUNDS_LOCKED,
                        EventCatalog.FUNDS_RELEASED, EventCatalog.FUNDS_REFUNDED,
                        EventCatalog.WITHDRAWAL_STATE_CHANGED)
                .build());
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
