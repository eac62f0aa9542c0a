package com.c2c.order.trade;

import com.c2c.platform.messaging.sql.PlainSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many trades each user has completed (TradeCompleted, as buyer or seller). The book lets a taker
 * take an ad only with at least the ad's minCompletedTrades, so each OrderPlaced carries the count.
 */
@ApplicationScoped
public class CompletedTrades {

    public Uni<Integer> of(String userId) {
        return PlainSql.select("select completed_trades from trader_stats where user_id = $1", userId)
                .map(rows -> rows.isEmpty() ? 0 : (int) Math.min(Integer.MAX_VALUE, ((Number) rows.get(0)[0]).longValue()));
    }

    /** Counts one completed trade for both its parties; the caller applies it once per trade. */
    public Uni<Void> count(String buyerId, String sellerId) {
        Uni<Void> buyer = countOne(buyerId);
        return buyerId.equals(sellerId) ? buyer : buyer.chain(() -> countOne(sellerId));
    }

    private static Uni<Void> countOne(String userId) {
        return PlainSql.update("""
                insert into trader_stats (user_id, completed_trades) values ($1, 1)
                on conflict (user_id) do update set completed_trades = trader_stats.completed_trades + 1""", userId)
                .replaceWithVoid();
    }
}
