package com.c2c.order.taker.store;

import com.c2c.order.ad.domain.Side;
import com.c2c.order.taker.domain.OrderMode;
import com.c2c.order.taker.domain.OrderStatus;
import com.c2c.order.taker.domain.PriceLimitSource;
import com.c2c.platform.messaging.sql.PlainSql;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * The taker order rows a trade reads and writes, in plain SQL (ADR 0020): placing an order (its idempotency
 * lookup and its insert) and every answer of the book or the wallet about it (the row locked, its status written
 * back). A {@link TakerOrder} read here is a plain object, not managed by Hibernate: whoever changes it stores the
 * change with {@link #writeStatus} in the same transaction. The owner's cancel and the API's reads stay with
 * Hibernate; both sides count changes in {@code version}, so neither can overwrite the other unnoticed.
 */
public final class TakerOrderRows {
    /** The row's columns, in the order {@link #order} reads them. */
    private static final String COLUMNS = """
            id, owner_id, idempotency_key, market, side, mode, amount, ad_id, reserved_micros, payment_method,
            price_limit_minor, price_limit_source, status, reject_reason, created_at, updated_at, version""";

    private TakerOrderRows() {
    }

    /** The order the owner placed under this Idempotency-Key, or null. */
    public static Uni<TakerOrder> byKey(String ownerId, String idempotencyKey) {
        return PlainSql.select("select " + COLUMNS + " from taker_order where owner_id = $1 and idempotency_key = $2",
                ownerId, idempotencyKey).map(rows -> rows.isEmpty() ? null : order(rows.get(0)));
    }

    /** The order with its row locked until the transaction ends; null if no taker order has this id. */
    public static Uni<TakerOrder> lock(UUID id) {
        // "no key": nothing refers to a taker order by foreign key, and it is the lock Hibernate took for this
        return PlainSql.select("select " + COLUMNS + " from taker_order where id = $1 for no key update", id)
                .map(rows -> rows.isEmpty() ? null : order(rows.get(0)));
    }

    /**
     * Inserts a new order (version 0). Two requests racing on one Idempotency-Key: the unique constraint on
     * (owner, key) refuses the second, as it did the entity's insert (IdempotentCreation retries it once).
     */
    public static Uni<Void> insert(TakerOrder o) {
        return PlainSql.update("""
                insert into taker_order (id, owner_id, idempotency_key, market, side, mode, amount, ad_id,
                                         reserved_micros, payment_method, price_limit_minor, price_limit_source,
                                         status, reject_reason, created_at, updated_at, version)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 0)""",
                o.id, o.ownerId, o.idempotencyKey, o.market, o.side.name(), o.mode.name(), o.amount, o.adId,
                o.reservedMicros, o.paymentMethod, o.priceLimitMinor,
                o.priceLimitSource == null ? null : o.priceLimitSource.name(), o.status.name(), o.rejectReason,
                o.createdAt, o.updatedAt).replaceWithVoid();
    }

    /**
     * Stores what an answer changed on an order read by {@link #lock} (its row locked by this transaction): its
     * status, reason and time; nothing else of an order changes after it is placed. A row changed under the lock
     * (it cannot be) fails the transaction rather than lose either change.
     */
    public static Uni<Void> writeStatus(TakerOrder o) {
        return PlainSql.updateLockedRow("taker order " + o.id, o.version, """
                update taker_order set status = $3, reject_reason = $4, updated_at = $5, version = version + 1
                where id = $1 and version = $2""", o.id, o.version, o.status.name(), o.rejectReason, o.updatedAt)
                .invoke(() -> o.version++);
    }

    private static TakerOrder order(Object[] row) {
        TakerOrder o = new TakerOrder();
        o.id = (UUID) row[0];
        o.ownerId = (String) row[1];
        o.idempotencyKey = (String) row[2];
        o.market = (String) row[3];
        o.side = Side.valueOf((String) row[4]);
        o.mode = OrderMode.valueOf((String) row[5]);
        o.amount = (Long) row[6];
        o.adId = (UUID) row[7];
        o.reservedMicros = (Long) row[8];
        o.paymentMethod = (String) row[9];
        o.priceLimitMinor = (Long) row[10];
        o.priceLimitSource = row[11] == null ? null : PriceLimitSource.valueOf((String) row[11]);
        o.status = OrderStatus.valueOf((String) row[12]);
        o.rejectReason = (String) row[13];
        o.createdAt = PlainSql.instant(row[14]);
        o.updatedAt = PlainSql.instant(row[15]);
        o.version = (Long) row[16];
        return o;
    }
}
