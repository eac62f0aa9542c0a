package com.c2c.wallet.deposit;

import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageAfter;
import com.c2c.wallet.deposit.api.DepositAddressView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** An owner's deposit addresses, one per chain, in chain id order. */
@ApplicationScoped
public class DepositAddressQueries {
    private final Pool pool;

    DepositAddressQueries(Pool pool) {
        this.pool = pool;
    }

    /** Where a row stands in an owner's list: an owner has one address per chain, so the chain id orders it. */
    public record ChainPosition(long chainId) {
    }

    public Uni<Page<DepositAddressView>> ofOwner(String ownerId, PageAfter<ChainPosition> ask) {
        long after = ask.after() == null ? Long.MIN_VALUE : ask.after().chainId();
        return pool.preparedQuery("""
                        select chain_id, address, assigned_at from deposit_address
                        where owner_id = $1 and chain_id > $2 order by chain_id limit $3""")
                .execute(Tuple.of(ownerId, after, ask.fetch()))
                .map(rows -> {
                    List<DepositAddressView> views = new ArrayList<>();
                    for (Row r : rows) {
                        views.add(DepositAddressView.of(r.getLong("chain_id"), r.getString("address"),
                                r.getOffsetDateTime("assigned_at").toInstant()));
                    }
                    return ask.page(views, view -> new ChainPosition(view.chainId()));
                });
    }
}
