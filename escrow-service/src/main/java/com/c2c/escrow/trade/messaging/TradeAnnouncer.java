package com.c2c.escrow.trade.messaging;

import com.c2c.escrow.trade.domain.Announcement;
import com.c2c.escrow.trade.store.Trade;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.events.escrow.TradeStateChanged;
import com.c2c.platform.messaging.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The trade lifecycle on {@link Topics#ESCROW_EVENTS}, keyed by trade id, through the outbox. */
@ApplicationScoped
public class TradeAnnouncer {
    private final Outbox outbox;

    TradeAnnouncer(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Announces the trade as it now is; {@link Announcement#NONE} announces nothing. */
    public Uni<Void> announce(Trade t, Announcement announcement) {
        if (announcement == Announcement.NONE) {
            return Uni.createFrom().voidItem();
        }
        TradeStateChanged event = new TradeStateChanged(t.id, t.market, t.takerOrderId, t.makerOrderId, t.buyerId,
                t.sellerId, t.quantityMicros, t.fiatAmountMinor, t.status.name(), t.reason, t.deadlineAt,
                t.feeMicros == null ? 0 : t.feeMicros);
        return outbox.add(Topics.ESCROW_EVENTS, t.id.toString(), type(announcement), t.id.toString(), event)
                .replaceWithVoid();
    }

    private static String type(Announcement announcement) {
        return switch (announcement) {
            case TRADE_LOCKED -> EventTypes.TRADE_LOCKED;
            case TRADE_PAID -> EventTypes.TRADE_PAID;
            case TRADE_DISPUTED -> EventTypes.TRADE_DISPUTED;
            case TRADE_COMPLETED -> EventTypes.TRADE_COMPLETED;
            case TRADE_CANCELLED -> EventTypes.TRADE_CANCELLED;
            case NONE -> throw new IllegalArgumentException("nothing to announce");
        };
    }
}
