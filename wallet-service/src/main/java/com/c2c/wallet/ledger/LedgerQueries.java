package com.c2c.wallet.ledger;

import com.c2c.events.UsdtAmount;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageAfter;
import com.c2c.wallet.ledger.api.AssetTotalsView;
import com.c2c.wallet.ledger.api.BalanceView;
import com.c2c.wallet.ledger.api.LedgerEntryView;
import com.c2c.wallet.ledger.domain.AccountKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Read models over the ledger: an owner's balances and entry history, and the ledger's own totals. */
@ApplicationScoped
public class LedgerQueries {
    private final Pool pool;

    LedgerQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * The owner's balances per asset, with the deposits seen on chain but not yet confirmed as {@code pending}
     * (not usable, not a ledger account: ADR 0013). An owner with only a pending deposit has a row too.
     */
    public Uni<List<BalanceView>> balances(String ownerId) {
        return pool.preparedQuery("""
                        select asset, kind, balance from ledger_account
                        where owner_id = $1 and kind in ('AVAILABLE', 'RESERVED', 'LOCKED', 'WITHDRAWING')
                        union all
                        select 'USDT', 'PENDING', cast(sum(amount_micros) as bigint) from deposit
                        where owner_id = $1 and state = 'DETECTED' having count(*) > 0""")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    Map<String, long[]> byAsset = new TreeMap<>();
                    for (Row row : rows) {
                        long[] b = byAsset.computeIfAbsent(row.getString("asset"), a -> new long[5]);
                        int slot = switch (row.getString("kind")) {
                            case "AVAILABLE" -> 0;
                            case "RESERVED" -> 1;
                            case "LOCKED" -> 2;
                            case "WITHDRAWING" -> 3;
                            case "PENDING" -> 4;
                            default -> throw new IllegalStateException("balance kind " + row.getString("kind"));
                        };
                        b[slot] = row.getLong("balance");
                    }
                    List<BalanceView> views = new ArrayList<>();
                    byAsset.forEach((asset, b) -> views.add(
                            new BalanceView(asset, usdt(b[0]), usdt(b[1]), usdt(b[2]), usdt(b[3]), usdt(b[4]))));
                    return views;
                });
    }

    /** Where an entry stands in an owner's history: entry ids only grow, so the id alone orders it. */
    public record EntryId(long id) {
    }

    /**
     * The owner's entries, newest first, strictly before the position asked for. Each of the owner's accounts
     * gives at most a page of its entries below the cursor from its index (ledger_entry_account), and the
     * newest of those are the page: the work per page is bounded by (accounts × page), not by how many
     * entries the owner has.
     */
    public Uni<Page<LedgerEntryView>> history(String ownerId, PageAfter<EntryId> ask) {
        long before = ask.after() == null ? Long.MAX_VALUE : ask.after().id();
        return pool.preparedQuery("""
                        select e.id, p.id as posting, p.kind as posting_kind, p.command_id, a.asset, a.kind,
                               e.amount, e.balance_after, p.created_at
                        from ledger_account a
                        cross join lateral (
                            select * from ledger_entry
                            where account_id = a.id and id < $2 order by id desc limit $3) e
                        join ledger_posting p on p.id = e.posting_id
                        where a.owner_id = $1
                        order by e.id desc limit $3""")
                .execute(Tuple.of(ownerId, before, ask.fetch()))
                .map(rows -> {
                    List<LedgerEntryView> views = new ArrayList<>();
                    for (Row r : rows) {
                        views.add(new LedgerEntryView(r.getLong("id"), r.getString("posting_kind"),
                                r.getString("command_id"), r.getString("asset"), r.getString("kind"),
                                usdt(r.getLong("amount")), usdt(r.getLong("balance_after")),
                                r.getOffsetDateTime("created_at")));
                    }
                    return ask.page(views, entry -> new EntryId(entry.id()));
                });
    }

    /**
     * Per asset, in one statement (so one consistent snapshot): the sum of all entries, the balances by
     * account kind, and how many accounts' balances differ from the sum of their entries.
     */
    public Uni<List<AssetTotalsView>> totals() {
        return pool.query("""
                        select a.asset, a.kind, sum(a.balance) as balance, sum(coalesce(e.total, 0)) as entries,
                               count(*) filter (where a.balance <> coalesce(e.total, 0)) as drifted
                        from ledger_account a
                        left join (select account_id, sum(amount) as total from ledger_entry group by account_id) e
                               on e.account_id = a.id
                        group by a.asset, a.kind
                        order by a.asset, a.kind""")
                .execute()
                .map(rows -> {
                    Map<String, AssetTotals> byAsset = new TreeMap<>();
                    for (Row row : rows) {
                        byAsset.computeIfAbsent(row.getString("asset"), a -> new AssetTotals())
                                .add(row.getString("kind"), row.getBigDecimal("balance"), row.getBigDecimal("entries"),
                                        row.getLong("drifted"));
                    }
                    List<AssetTotalsView> views = new ArrayList<>();
                    byAsset.forEach((asset, totals) -> views.add(totals.view(asset)));
                    return views;
                });
    }

    /** One asset's sums, in micro-units (numeric: a sum of many bigints may not fit one). */
    private static final class AssetTotals {
        private static final List<String> ALWAYS_SHOWN = List.of(AccountKind.AVAILABLE.name(),
                AccountKind.RESERVED.name(), AccountKind.LOCKED.name(), AccountKind.FEES.name());

        private BigDecimal entries = BigDecimal.ZERO;
        private BigDecimal externalFunding = BigDecimal.ZERO;
        private final Map<String, BigDecimal> byKind = new LinkedHashMap<>();
        private long driftedAccounts;

        AssetTotals() {
            ALWAYS_SHOWN.forEach(kind -> byKind.put(kind, BigDecimal.ZERO));
        }

        void add(String kind, BigDecimal balance, BigDecimal entrySum, long drifted) {
            entries = entries.add(entrySum);
            driftedAccounts += drifted;
            if (AccountKind.EXTERNAL_FUNDING.name().equals(kind)) {
                externalFunding = externalFunding.add(balance);
            } else {
                byKind.merge(kind, balance, BigDecimal::add);
            }
        }

        AssetTotalsView view(String asset) {
            Map<String, String> kinds = new LinkedHashMap<>();
            byKind.forEach((kind, sum) -> kinds.put(kind, decimal(sum)));
            return new AssetTotalsView(asset, decimal(entries), decimal(externalFunding), kinds,
                    entries.signum() == 0 && driftedAccounts == 0);
        }

        private static String decimal(BigDecimal micros) {
            return micros.movePointLeft(UsdtAmount.SCALE).setScale(UsdtAmount.SCALE).toPlainString();
        }
    }

    private static BigDecimal usdt(long micros) {
        return UsdtAmount.fromMicros(micros);
    }
}
