package com.c2c.order.messaging;

import com.c2c.events.EventCatalog;
import com.c2c.events.Topics;
import com.c2c.events.matching.TradeMatched;
import com.c2c.order.ad.AdBookkeeping;
import com.c2c.order.taker.TakerOrderOutcomes;
import com.c2c.order.trade.TradeProgress;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * The book's answers, for ads and taker orders alike: one channel, consumed in partition order (one
 * market's events in the order the engine emitted them), each offered to both domains, which ignore ids
 * that are not theirs.
 */
@Singleton
public class MatchingEventsConsumer {
    private final TradeProgress trades;
    private final AdBookkeeping ads;
    private final TakerOrderOutcomes orders;

    MatchingEventsConsumer(EventConsumer consumer, TradeProgress trades, AdBookkeeping ads,
            TakerOrderOutcomes orders) {
        this.trades = trades;
        this.ads = ads;
        this.orders = orders;
        consumer.register(
                Subscription.of("order.matching-events", "matching-events", Topics.MATCHING_EVENTS)
                        .on(EventCatalog.TRADE_MATCHED, this::matched)
                        .on(EventCatalog.ORDER_REJECTED, r -> ads.refused(r.orderId(), r.reason(), r.command())
                                .chain(() -> orders.rejected(r.orderId(), r.reason(), r.message())))
                        .on(EventCatalog.BOOK_QUANTITY_CANCELLED, c -> ads.withdrawn(c.orderId(), c.quantityMicros())
                                .chain(() -> orders.bookCancelled(c.orderId(), c.quantityMicros())))
                        .ignoring(EventCatalog.MARKET_OPENED)
                        .build());
    }

    private Uni<Void> matched(TradeMatched m) {
        return trades.matched(m).chain(first -> !first ? Uni.createFrom().voidItem()
                : ads.traded(m.makerOrderId(), m.tradeId(), m.quantityMicros())
                        .chain(() -> orders.matched(m.takerOrderId(), m.quantityMicros())));
    }
}
