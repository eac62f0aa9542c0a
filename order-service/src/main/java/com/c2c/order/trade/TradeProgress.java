package com.c2c.order.trade;

import com.c2c.events.EventTypes;
import com.c2c.events.escrow.TradeStateChanged;
import com.c2c.events.matching.TradeMatched;
import com.c2c.order.stream.FeedEvent;
import com.c2c.order.stream.OwnerFeed;
import com.c2c.order.trade.domain.TradeStatus;
import com.c2c.order.trade.store.OrderTrade;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Follows each trade from the book's TradeMatched through escrow's events, whichever comes first: the
 * trade row is created by the first of them (so an escrow event is never lost for arriving early) and
 * then locked by each, so the book's and escrow's consumers apply their effects once per trade. Both
 * parties' streams hear of each status the trade takes, and the maker's of each fill, in the same
 * transaction.
 */
@ApplicationScoped
public class TradeProgress {
    private final OwnerFeed feed;

    TradeProgress(OwnerFeed feed) {
        this.feed = feed;
    }

    /** What an escrow event did to the trade: whether it is the trade's end, seen here for the first time. */
    public record Change(OrderTrade trade, boolean firstEnd) {
    }

    /** Records the book's match; true the first time (the effects of a match are applied once per trade). */
    public Uni<Boolean> matched(TradeMatched m) {
        return locked(m.tradeId(), m.market(), m.takerOrderId(), m.makerOrderId(), m.buyerId(), m.sellerId(),
                m.quantityMicros(), m.fiatAmountMinor()).chain(row -> {
                    OrderTrade trade = row.trade();
                    trade.priceMinor = m.priceMinor();
                    trade.quantityMicros = m.quantityMicros();
                    trade.fiatAmountMinor = m.fiatAmountMinor();
                    if (trade.matched) {
                        return Uni.createFrom().item(false);
                    }
                    trade.matched = true;
                    trade.updatedAt = Instant.now();
                    trade.matchedAt = trade.updatedAt;
                    Uni<Void> opened = row.created() ? tellParties(trade) : Uni.createFrom().voidItem();
                    return opened.chain(() -> feed.append(m.makerId(), FeedEvent.AdFilled.of(trade)))
                            .replaceWith(true);
                });
    }

    /** Records an escrow lifecycle event ({@code type} one of the TradeStateChanged types). */
    public Uni<Change> changed(String type, TradeStateChanged e) {
        TradeStatus status = TradeStatus.reported(e.status(), byType(type));
        return locked(e.tradeId(), e.market(), e.takerOrderId(), e.makerOrderId(), e.buyerId(), e.sellerId(),
                e.quantityMicros(), e.fiatAmountMinor()).chain(row -> {
                    OrderTrade trade = row.trade();
                    if (EventTypes.TRADE_LOCKED.equals(type) && e.deadline() != null) {
                        trade.paymentDeadline = e.deadline();
                    }
                    boolean moved = status.follows(trade.status);
                    if (moved) {
                        trade.status = status;
                    }
                    trade.updatedAt = Instant.now();
                    boolean ends = EventTypes.TRADE_COMPLETED.equals(type) || EventTypes.TRADE_CANCELLED.equals(type);
                    boolean firstEnd = ends && !trade.ended;
                    trade.ended |= ends;
                    Uni<Void> told = moved || row.created() ? tellParties(trade) : Uni.createFrom().voidItem();
                    return told.replaceWith(new Change(trade, firstEnd));
                });
    }

    /** The latest trade of each of the given taker orders. */
    public Uni<Map<UUID, OrderTrade>> ofOrders(Collection<UUID> takerOrderIds) {
        if (takerOrderIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return OrderTrade.<OrderTrade>list("takerOrderId in ?1 order by createdAt", List.copyOf(takerOrderIds))
                .map(trades -> trades.stream().collect(Collectors.toMap(t -> t.takerOrderId, Function.identity(),
                        (older, newer) -> newer)));
    }

    private static TradeStatus byType(String type) {
        return switch (type) {
            case EventTypes.TRADE_LOCKED -> TradeStatus.LOCKED;
            case EventTypes.TRADE_PAID -> TradeStatus.PAID;
            case EventTypes.TRADE_DISPUTED -> TradeStatus.DISPUTED;
            case EventTypes.TRADE_COMPLETED -> TradeStatus.COMPLETED;
            case EventTypes.TRADE_CANCELLED -> TradeStatus.CANCELLED;
            default -> throw new IllegalArgumentException("not a trade lifecycle event: " + type);
        };
    }

    /** Both parties' streams: the trade's status as it now is. */
    private Uni<Void> tellParties(OrderTrade trade) {
        return feed.append(List.of(trade.buyerId, trade.sellerId), FeedEvent.TradeStatusChanged.of(trade));
    }

    private record Locked(OrderTrade trade, boolean created) {
    }

    /**
     * The trade's row, created (OPENED) if this is the first word of it, locked for this transaction; whether
     * this call created it. The row exists for every event but a trade's first (the book's match or escrow's
     * lock, whichever comes first), so it is locked first and inserted only when missing: one statement for
     * most events instead of an insert that finds the row there and then the lock.
     */
    private static Uni<Locked> locked(UUID tradeId, String market, UUID takerOrderId, UUID makerOrderId,
            String buyerId, String sellerId, long quantityMicros, long fiatAmountMinor) {
        return OrderTrade.<OrderTrade>findById(tradeId, LockModeType.PESSIMISTIC_WRITE).chain(found -> found != null
                ? Uni.createFrom().item(new Locked(found, false))
                : created(tradeId, market, takerOrderId, makerOrderId, buyerId, sellerId, quantityMicros,
                        fiatAmountMinor));
    }

    /**
     * Inserts the trade's row unless another consumer's transaction did meanwhile (then the insert waits for that
     * transaction and does nothing), and locks it.
     */
    private static Uni<Locked> created(UUID tradeId, String market, UUID takerOrderId, UUID makerOrderId,
            String buyerId, String sellerId, long quantityMicros, long fiatAmountMinor) {
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into order_trade (trade_id, market, taker_order_id, maker_order_id, buyer_id, seller_id,
                    status, quantity_micros, fiat_amount_minor, created_at, updated_at)
                values (:trade, :market, :taker, :maker, :buyer, :seller, 'OPENED', :quantity, :fiat, :now, :now)
                on conflict (trade_id) do nothing""")
                .setParameter("trade", tradeId)
                .setParameter("market", market)
                .setParameter("taker", takerOrderId)
                .setParameter("maker", makerOrderId)
                .setParameter("buyer", buyerId)
                .setParameter("seller", sellerId)
                .setParameter("quantity", quantityMicros)
                .setParameter("fiat", fiatAmountMinor)
                .setParameter("now", now)
                .executeUpdate())
                .chain(inserted -> OrderTrade.<OrderTrade>findById(tradeId, LockModeType.PESSIMISTIC_WRITE)
                        .map(trade -> new Locked(trade, inserted == 1)));
    }
}
