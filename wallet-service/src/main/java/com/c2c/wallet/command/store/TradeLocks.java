package com.c2c.wallet.command.store;

import com.c2c.platform.messaging.sql.PlainSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Each trade's lock as its own row (table {@code trade_lock}, V4), written and settled in the transaction
 * of its posting. The service's database role may add a lock and change only its state (ADR 0011); the
 * table's trigger lets a lock leave LOCKED once and nothing else of it change.
 */
@ApplicationScoped
public class TradeLocks {

    /** A trade's lock as recorded: what was locked, from whom, for whom, and where it went. */
    public record TradeLock(UUID tradeId, String sellerId, String buyerId, long quantityMicros, String state) {
        public static final String LOCKED = "LOCKED";
        public static final String RELEASED = "RELEASED";
        public static final String REFUNDED = "REFUNDED";
    }

    public Uni<Void> add(UUID tradeId, String sellerId, String buyerId, String asset, long quantityMicros) {
        return PlainSql.update("""
                        insert into trade_lock (trade_id, seller_id, buyer_id, asset, quantity_micros)
                        values ($1, $2, $3, $4, $5)""", tradeId, sellerId, buyerId, asset, quantityMicros)
                .replaceWithVoid();
    }

    /** The trade's lock, locked until the transaction ends; null when the trade never had USDT locked. */
    public Uni<TradeLock> lockForSettlement(UUID tradeId) {
        return PlainSql.select("""
                        select seller_id, buyer_id, quantity_micros, state from trade_lock where trade_id = $1
                        for update""", tradeId)
                .map(rows -> rows.isEmpty() ? null : new TradeLock(tradeId, (String) rows.get(0)[0],
                        (String) rows.get(0)[1], ((Number) rows.get(0)[2]).longValue(), (String) rows.get(0)[3]));
    }

    /** LOCKED → {@code state} (RELEASED or REFUNDED); the table refuses any other change. */
    public Uni<Void> settle(UUID tradeId, String state) {
        return PlainSql.update("""
                        update trade_lock set state = $2, settled_at = now() where trade_id = $1 and state = 'LOCKED'""",
                        tradeId, state)
                .invoke(updated -> {
                    if (updated != 1) {
                        throw new IllegalStateException("trade lock " + tradeId + " was not LOCKED when settled " + state);
                    }
                }).replaceWithVoid();
    }
}
