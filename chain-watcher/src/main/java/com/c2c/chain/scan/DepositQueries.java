package com.c2c.chain.scan;

import com.c2c.chain.scan.domain.DepositState;
import com.c2c.chain.scan.store.ChainCursor;
import com.c2c.chain.scan.store.Deposit;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageAfter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reading deposits and cursors for operators. */
@ApplicationScoped
public class DepositQueries {
    /** A deposit list's position: the row id (deposits are listed in the order they were first seen). */
    public record DepositPosition(long id) {
    }

    @WithSession
    public Uni<Page<Deposit>> list(long chainId, DepositState state, PageAfter<DepositPosition> ask) {
        DepositPosition after = ask.after();
        String hql = "from Deposit d where d.chainId = :chain" + (state == null ? "" : " and d.state = :state")
                + (after == null ? "" : " and d.id > :after") + " order by d.id";
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Deposit.class).setParameter("chain", chainId);
            if (state != null) {
                query.setParameter("state", state);
            }
            if (after != null) {
                query.setParameter("after", after.id());
            }
            return query.setMaxResults(ask.fetch()).getResultList();
        }).map(rows -> ask.page(rows, d -> new DepositPosition(d.id)));
    }

    /** Each chain's backfill backlog, by chain id; a chain with none is absent. */
    @WithSession
    public Uni<Map<Long, BackfillBacklog>> backfillBacklogs() {
        return Panache.getSession().chain(session -> session.createNativeQuery(BackfillBacklog.BY_CHAIN, Object[].class)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> ((Number) row[0]).longValue(),
                        BackfillBacklog::of)));
    }

    @WithSession
    public Uni<List<ChainCursor>> cursors() {
        return ChainCursor.listAll();
    }
}
