package com.c2c.order.trade;

import com.c2c.events.EventTypes;
import com.c2c.events.escrow.TradeStateChanged;
import com.c2c.events.matching.TradeMatched;
import com.c2c.order.stream.FeedEvent;
import com.c2c.order.stream.OwnerFeed;
import com.c2c.order.trade.domain.TradeStatus;
import com.c2c.order.trade.store.OrderTrade;
import com.c2c.platform.messaging.sql.PlainSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
                        return write(trade).replaceWith(false);
                    }
                    trade.matched = true;
                    trade.updatedAt = Instant.now();
                    trade.matchedAt = trade.updatedAt;
                    Uni<Void> opened = row.created() ? tellParties(trade) : Uni.createFrom().voidItem();
                    return write(trade).chain(() -> opened)
                            .chain(() -> feed.append(m.makerId(), FeedEvent.AdFilled.of(trade)))
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
                    return write(trade).chain(() -> told).replaceWith(new Change(trade, firstEnd));
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

    /** The row's columns, in the order {@link #row} reads them. */
    private static final String COLUMNS = """
            trade_id, market, taker_order_id, maker_order_id, buyer_id, seller_id, status, price_minor, quantity_micros,
            fiat_amount_minor, payment_deadline, matched, ended, matched_at, created_at, updated_at""";

    /**
     * The trade's row, created (OPENED) if this is the first word of it, locked for this transaction; whether
     * this call created it. The row exists for every event but a trade's first (the book's match or escrow's
     * lock, whichever comes first), so it is locked first and inserted only when missing: one statement for
     * most events instead of an insert that finds the row there and then the lock. Plain SQL (ADR 0020): every
     * event of every trade reads and writes this row, and the trade it returns is not an entity — {@link #write}
     * stores what the caller changed.
     */
    private static Uni<Locked> locked(UUID tradeId, String market, UUID takerOrderId, UUID makerOrderId,
            String buyerId, String sellerId, long quantityMicros, long fiatAmountMinor) {
        return lock(tradeId).chain(found -> found != null
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
        return PlainSql.update("""
                insert into order_trade (trade_id, market, taker_order_id, maker_order_id, buyer_id, seller_id,
                    status, quantity_micros, fiat_amount_minor, created_at, updated_at)
                values ($1, $2, $3, $4, $5, $6, 'OPENED', $7, $8, $9, $9)
                on conflict (trade_id) do nothing""",
                tradeId, market, takerOrderId, makerOrderId, buyerId, sellerId, quantityMicros, fiatAmountMinor, now)
                .chain(inserted -> lock(tradeId).map(trade -> new Locked(trade, inserted == 1)));
    }

    /** The trade's row locked until the transaction ends; null when there is none. */
    private static Uni<OrderTrade> lock(UUID tradeId) {
        return PlainSql.select("select " + COLUMNS + " from order_trade where trade_id = $1 for update", tradeId)
                .map(rows -> rows.isEmpty() ? null : row(rows.get(0)));
    }

    /** Stores what an event changed of a trade {@link #lock} returned (its row still locked). */
    private static Uni<Void> write(OrderTrade t) {
        return PlainSql.update("""
                update order_trade set status = $2, price_minor = $3, quantity_micros = $4, fiat_amount_minor = $5,
                    payment_deadline = $6, matched = $7, ended = $8, matched_at = $9, updated_at = $10
                where trade_id = $1""", t.tradeId, t.status.name(), t.priceMinor, t.quantityMicros, t.fiatAmountMinor,
                t.paymentDeadline, t.matched, t.ended, t.matchedAt, t.updatedAt)
                .replaceWithVoid();
    }

    private static OrderTrade row(Object[] c) {
        OrderTrade t = new OrderTrade();
        t.tradeId = (UUID) c[0];
        t.market = (String) c[1];
        t.takerOrderId = (UUID) c[2];
        t.makerOrderId = (UUID) c[3];
        t.buyerId = (String) c[4];
        t.sellerId = (String) c[5];
        t.status = TradeStatus.valueOf((String) c[6]);
        t.priceMinor = c[7] == null ? null : ((Number) c[7]).longValue();
        t.quantityMicros = ((Number) c[8]).longValue();
        t.fiatAmountMinor = ((Number) c[9]).longValue();
        t.paymentDeadline = PlainSql.instant(c[10]);
        t.matched = (Boolean) c[11];
        t.ended = (Boolean) c[12];
        t.matchedAt = PlainSql.instant(c[13]);
        t.createdAt = PlainSql.instant(c[14]);
        t.updatedAt = PlainSql.instant(c[15]);
        return t;
    }
}
