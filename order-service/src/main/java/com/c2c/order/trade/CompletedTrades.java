package com.c2c.order.trade;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many trades each user has completed (TradeCompleted, as buyer or seller). The book lets a taker
 * take an ad only with at least the ad's minCompletedTrades, so each OrderPlaced carries the count.
 */
@ApplicationScoped
public class CompletedTrades {

    public Uni<Integer> of(String userId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select completed_trades from trader_stats where user_id = :user", Long.class)
                .setParameter("user", userId)
                .getResultList())
                .map(rows -> rows.isEmpty() ? 0 : (int) Math.min(Integer.MAX_VALUE, rows.get(0)));
    }

    /** Counts one completed trade for both its parties; the caller applies it once per trade. */
    public Uni<Void> count(String buyerId, String sellerId) {
        Uni<Void> buyer = countOne(buyerId);
        return buyerId.equals(sellerId) ? buyer : buyer.chain(() -> countOne(sellerId));
    }

    private static Uni<Void> countOne(String userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into trader_stats (user_id, completed_trades) values (:user, 1)
                on conflict (user_id) do update set completed_trades = trader_stats.completed_trades + 1""")
                .setParameter("user", userId)
                .executeUpdate())
                .replaceWithVoid();
    }
}
