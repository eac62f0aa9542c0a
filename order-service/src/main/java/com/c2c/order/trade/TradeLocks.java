package com.c2c.order.trade;

import com.c2c.events.escrow.TradeStateChanged;
import com.c2c.events.matching.TradeMatched;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The rows the book's and escrow's consumers both write, locked for a whole consumed batch before its first
 * effect, sorted by key: every trade row the batch names (created OPENED if this is the first word of it, as
 * {@link TradeProgress} would), then both parties' completed-trade counts of each completed trade. Applied in
 * polled order, the two consumers' batches took these rows in different orders and deadlocked each other at
 * 50 trades/s (ADR 0016); taken sorted, one batch waits for the other instead. Keys are sorted as PostgreSQL
 * sorts them (a UUID's lower-case text sorts as its bytes do; user ids in the "C" collation), so each
 * {@code order by} below agrees with the order its insert took.
 */
@ApplicationScoped
public class TradeLocks {
    private static final Set<String> COMPLETED = Set.of("COMPLETED", "RESOLVED_RELEASED");

    private record Row(UUID tradeId, String market, UUID takerOrderId, UUID makerOrderId, String buyerId,
            String sellerId, long quantityMicros, long fiatAmountMinor) {
    }

    /** For {@code Subscription.Builder.lockingFirst}: the payloads of a batch's new events, any types. */
    public Uni<Void> take(List<Object> payloads) {
        SortedMap<String, Row> trades = new TreeMap<>();
        TreeSet<String> parties = new TreeSet<>();
        for (Object payload : payloads) {
            if (payload instanceof TradeMatched m) {
                trades.putIfAbsent(m.tradeId().toString(), new Row(m.tradeId(), m.market(), m.takerOrderId(),
                        m.makerOrderId(), m.buyerId(), m.sellerId(), m.quantityMicros(), m.fiatAmountMinor()));
            } else if (payload instanceof TradeStateChanged e) {
                trades.putIfAbsent(e.tradeId().toString(), new Row(e.tradeId(), e.market(), e.takerOrderId(),
                        e.makerOrderId(), e.buyerId(), e.sellerId(), e.quantityMicros(), e.fiatAmountMinor()));
                if (COMPLETED.contains(e.status())) {
                    parties.add(e.buyerId());
                    parties.add(e.sellerId());
                }
            }
        }
        if (trades.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return lockTrades(List.copyOf(trades.values())).chain(() -> lockCounts(parties));
    }

    private static Uni<Void> lockTrades(List<Row> rows) {
        Instant now = Instant.now();
        StringBuilder insert = new StringBuilder("""
                insert into order_trade (trade_id, market, taker_order_id, maker_order_id, buyer_id, seller_id,
                    status, quantity_micros, fiat_amount_minor, created_at, updated_at) values\s""");
        StringBuilder select = new StringBuilder("select trade_id from order_trade where trade_id in (");
        for (int i = 0; i < rows.size(); i++) {
            insert.append(i == 0 ? "" : ", ").append("(:trade").append(i).append(", :market").append(i)
                    .append(", :taker").append(i).append(", :maker").append(i).append(", :buyer").append(i)
                    .append(", :seller").append(i).append(", 'OPENED', :quantity").append(i).append(", :fiat")
                    .append(i).append(", :now, :now)");
            select.append(i == 0 ? "" : ", ").append(":trade").append(i);
        }
        insert.append(" on conflict (trade_id) do nothing");
        select.append(") order by trade_id for update");
        return Panache.getSession().chain(session -> {
            var inserting = session.createNativeQuery(insert.toString()).setParameter("now", now);
            var locking = session.createNativeQuery(select.toString(), UUID.class);
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                inserting.setParameter("trade" + i, row.tradeId()).setParameter("market" + i, row.market())
                        .setParameter("taker" + i, row.takerOrderId()).setParameter("maker" + i, row.makerOrderId())
                        .setParameter("buyer" + i, row.buyerId()).setParameter("seller" + i, row.sellerId())
                        .setParameter("quantity" + i, row.quantityMicros())
                        .setParameter("fiat" + i, row.fiatAmountMinor());
                locking.setParameter("trade" + i, row.tradeId());
            }
            return inserting.executeUpdate().chain(() -> locking.getResultList()).replaceWithVoid();
        });
    }

    /** The completed-trade counts the batch will raise: created at 0 if new, then locked, sorted by user. */
    private static Uni<Void> lockCounts(TreeSet<String> users) {
        if (users.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder insert = new StringBuilder("insert into trader_stats (user_id, completed_trades) values ");
        StringBuilder select = new StringBuilder("select user_id from trader_stats where user_id in (");
        List<String> sorted = List.copyOf(users);
        for (int i = 0; i < sorted.size(); i++) {
            insert.append(i == 0 ? "" : ", ").append("(:user").append(i).append(", 0)");
            select.append(i == 0 ? "" : ", ").append(":user").append(i);
        }
        insert.append(" on conflict (user_id) do nothing");
        // Java sorts strings by their characters, as the "C" collation does (the column's own may not).
        select.append(") order by user_id collate \"C\" for update");
        return Panache.getSession().chain(session -> {
            var inserting = session.createNativeQuery(insert.toString());
            var locking = session.createNativeQuery(select.toString(), String.class);
            for (int i = 0; i < sorted.size(); i++) {
                inserting.setParameter("user" + i, sorted.get(i));
                locking.setParameter("user" + i, sorted.get(i));
            }
            return inserting.executeUpdate().chain(() -> locking.getResultList()).replaceWithVoid();
        });
    }
}
