package com.c2c.escrow.trade;

import com.c2c.escrow.trade.domain.Role;
import com.c2c.escrow.trade.domain.TradeStatus;
import com.c2c.escrow.trade.store.Trade;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageAfter;
import com.c2c.platform.web.ProblemException;
import com.c2c.platform.web.TimeAndId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Reading trades: a party sees their own, an arbiter sees any. Lists are paged by (time, id) cursors. */
@ApplicationScoped
public class TradeQueries {

    @WithSession
    public Uni<Trade> visibleTo(UUID id, String callerId, boolean arbiter) {
        return Trade.<Trade>findById(id)
                .map(t -> t == null || Role.of(t.buyerId, t.sellerId, callerId, arbiter) == Role.STRANGER ? null : t)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("trade " + id));
    }

    /**
     * The caller's trades as buyer or seller, newest first, strictly before the position asked for. The two
     * roles are read apart and merged, each a range of its own index (trade_buyer, trade_seller) cut at the
     * page's size: an OR over both columns would read and sort every trade of the caller for each page. A
     * trade never has the same person on both sides, so the union holds each trade once.
     */
    @WithSession
    public Uni<Page<Trade>> of(String callerId, PageAfter<TimeAndId> ask) {
        TimeAndId after = ask.after();
        String before = after == null ? "" : " and (created_at, id) < (:at, :id)";
        String sql = """
                select * from (
                  (select * from trade where buyer_id = :caller%1$s order by created_at desc, id desc limit :rows)
                  union all
                  (select * from trade where seller_id = :caller%1$s order by created_at desc, id desc limit :rows)
                ) mine order by created_at desc, id desc limit :rows""".formatted(before);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Trade.class).setParameter("caller", callerId)
                    .setParameter("rows", ask.fetch());
            if (after != null) {
                query.setParameter("at", after.at()).setParameter("id", after.id());
            }
            return query.getResultList();
        }).map(rows -> ask.page(rows, trade -> new TimeAndId(trade.createdAt, trade.id)));
    }

    /** Trades waiting for an arbiter, the longest-waiting first, strictly after the position asked for. */
    @WithSession
    public Uni<Page<Trade>> disputed(PageAfter<TimeAndId> ask) {
        TimeAndId after = ask.after();
        String hql = "from Trade t where t.status = :disputed"
                + (after == null ? "" : " and (t.dispute.openedAt, t.id) > (:at, :id)")
                + " order by t.dispute.openedAt, t.id";
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Trade.class).setParameter("disputed", TradeStatus.DISPUTED);
            if (after != null) {
                query.setParameter("at", after.at()).setParameter("id", after.id());
            }
            return query.setMaxResults(ask.fetch()).getResultList();
        }).map(rows -> ask.page(rows, trade -> new TimeAndId(trade.dispute.openedAt, trade.id)));
    }
}
