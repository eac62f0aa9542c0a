package com.c2c.wallet.ledger;

import com.c2c.events.UsdtAmount;
import com.c2c.wallet.ledger.api.BalanceView;
import com.c2c.wallet.ledger.api.LedgerEntryView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Read models over the ledger: an owner's balances and entry history. */
@ApplicationScoped
public class LedgerQueries {
    private final Pool pool;

    LedgerQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<BalanceView>> balances(String ownerId) {
        return pool.preparedQuery("""
                        select asset, kind, balance from ledger_account
                        where owner_id = $1 and kind in ('AVAILABLE', 'RESERVED', 'LOCKED') order by asset""")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    Map<String, long[]> byAsset = new TreeMap<>();
                    for (Row row : rows) {
                        long[] b = byAsset.computeIfAbsent(row.getString("asset"), a -> new long[3]);
                        int slot = switch (row.getString("kind")) {
                            case "AVAILABLE" -> 0;
                            case "RESERVED" -> 1;
                            default -> 2;
                        };
                        b[slot] = row.getLong("balance");
                    }
                    List<BalanceView> views = new ArrayList<>();
                    byAsset.forEach((asset, b) -> views.add(new BalanceView(asset, usdt(b[0]), usdt(b[1]), usdt(b[2]))));
                    return views;
                });
    }

    /** Newest first. */
    public Uni<List<LedgerEntryView>> history(String ownerId, int page, int size) {
        return pool.preparedQuery("""
                        select e.id, p.id as posting, p.kind as posting_kind, p.command_id, a.asset, a.kind,
                               e.amount, e.balance_after, p.created_at
                        from ledger_entry e
                        join ledger_account a on a.id = e.account_id
                        join ledger_posting p on p.id = e.posting_id
                        where a.owner_id = $1
                        order by e.id desc limit $2 offset $3""")
                .execute(Tuple.of(ownerId, size, (long) page * size))
                .map(rows -> {
                    List<LedgerEntryView> views = new ArrayList<>();
                    for (Row r : rows) {
                        views.add(new LedgerEntryView(r.getLong("id"), r.getString("posting_kind"),
                                r.getString("command_id"), r.getString("asset"), r.getString("kind"),
                                usdt(r.getLong("amount")), usdt(r.getLong("balance_after")),
                                r.getOffsetDateTime("created_at")));
                    }
                    return views;
                });
    }

    private static BigDecimal usdt(long micros) {
        return UsdtAmount.fromMicros(micros);
    }
}
