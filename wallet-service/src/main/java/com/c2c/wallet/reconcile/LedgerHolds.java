package com.c2c.wallet.reconcile;

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
 * What the ledger actually holds: each owner's RESERVED and LOCKED balances of USDT, the side of the
 * reconciliation the other services' beliefs are compared with (ADR 0012).
 */
@ApplicationScoped
public class LedgerHolds implements HoldsReport {
    private final Pool pool;

    LedgerHolds(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<Hold>> holds(int limit) {
        return pool.preparedQuery("""
                        select owner_id,
                               coalesce(sum(balance) filter (where kind = 'RESERVED'), 0) as reserved,
                               coalesce(sum(balance) filter (where kind = 'LOCKED'), 0) as locked
                        from ledger_account
                        where asset = 'USDT' and kind in ('RESERVED', 'LOCKED') and balance <> 0
                        group by owner_id order by owner_id limit $1""")
                .execute(Tuple.of(limit))
                .map(LedgerHolds::toHolds);
    }

    static List<Hold> toHolds(Iterable<Row> rows) {
        List<Hold> holds = new ArrayList<>();
        for (Row row : rows) {
            holds.add(new Hold(row.getString(0), row.getNumeric(1).longValue(), row.getNumeric(2).longValue()));
        }
        return holds;
    }
}
