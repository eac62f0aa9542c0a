package com.c2c.escrow.reconcile;

import com.c2c.platform.messaging.reconcile.Hold;
import com.c2c.platform.messaging.reconcile.HoldsReport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The USDT escrow believes the wallet holds for each seller's open trades (ADR 0012):
 * <ul>
 * <li>RESERVED: OPENED trades (opened before ADR 0028, when escrow opened trades from the book's match). The
 * book matched them (order-service took the quantity off the ad or order), escrow sent LockFunds, and until the
 * wallet locks it the quantity is still in RESERVED. A trade the wallet locked on the match (ADR 0028) is recorded
 * here only with the lock, so until its answer is applied it is in neither column: traffic, which the
 * reconciler tells from drift;</li>
 * <li>LOCKED: LOCKED, PAID and DISPUTED trades, and decided trades whose release or refund the wallet has
 * not settled yet (settled_at null, last action CANCEL, CONFIRM, RELEASE, REFUND or EXPIRE_PAYMENT; also
 * when the wallet refused the settlement, since escrow still believes the USDT locked). A rejected lock
 * settles at once and holds nothing.</li>
 * </ul>
 * A settled refund moved the quantity back to RESERVED and is no longer escrow's: order-service counts it
 * again once it has applied TradeCancelled (restored to the ad, or released).
 */
@ApplicationScoped
public class TradeHolds implements HoldsReport {
    private final Pool pool;

    TradeHolds(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<Hold>> holds(int limit) {
        return pool.preparedQuery("""
                        select seller_id,
                               coalesce(sum(quantity_micros) filter (where status = 'OPENED'), 0) as reserved,
                               coalesce(sum(quantity_micros) filter (where status <> 'OPENED'), 0) as locked
                        from trade
                        where status in ('OPENED', 'LOCKED', 'PAID', 'DISPUTED')
                           or (settled_at is null
                               and last_action in ('CANCEL', 'CONFIRM', 'RELEASE', 'REFUND', 'EXPIRE_PAYMENT'))
                        group by seller_id order by seller_id limit $1""")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<Hold> holds = new ArrayList<>();
                    for (Row row : rows) {
                        holds.add(new Hold(row.getString(0), row.getNumeric(1).longValue(),
                                row.getNumeric(2).longValue()));
                    }
                    return holds;
                });
    }
}
