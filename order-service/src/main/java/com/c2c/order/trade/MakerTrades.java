package com.c2c.order.trade;

import com.c2c.order.ad.domain.Side;
import com.c2c.order.trade.domain.TradeStatus;
import com.c2c.order.trade.store.OrderTrade;
import com.c2c.platform.web.TimeAndId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The trades of makers' ads, read for the maker API: what each ad traded, and an owner's trades and fills
 * in (time, trade id) order from a position, so a page never shifts under rows inserted meanwhile.
 */
@ApplicationScoped
public class MakerTrades {
    /** The statuses of a trade that ended with its quantity back at the ad. */
    private static final List<TradeStatus> RETURNED = List.of(TradeStatus.CANCELLED, TradeStatus.RESOLVED_REFUNDED);

    /** A trade of one of the owner's ads, with the ad's name and side. */
    public record Row(OrderTrade trade, String clientAdId, Side side) {
    }

    /** What each ad traded: its matched trades that did not end with the quantity back at the ad. */
    public Uni<Map<UUID, Long>> traded(Collection<UUID> adIds) {
        if (adIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                select t.makerOrderId, sum(t.quantityMicros) from OrderTrade t
                where t.makerOrderId in :ads and t.matched = true and not (t.ended = true and t.status in :returned)
                group by t.makerOrderId""", Object[].class)
                .setParameter("ads", List.copyOf(adIds))
                .setParameter("returned", RETURNED)
                .getResultList())
                .map(rows -> {
                    Map<UUID, Long> traded = new HashMap<>();
                    rows.forEach(row -> traded.put((UUID) row[0], ((Number) row[1]).longValue()));
                    return traded;
                });
    }

    /** The owner's ads' trades strictly after {@code after} by (creation, trade id) (null: from the first), at most {@code limit}. */
    public Uni<List<Row>> trades(String ownerId, TimeAndId after, int limit) {
        return page(ownerId, "t.createdAt", "", after, limit);
    }

    /** The owner's ads' fills (matched trades) strictly after {@code after} by (the time they were matched, trade id). */
    public Uni<List<Row>> fills(String ownerId, TimeAndId after, int limit) {
        return page(ownerId, "t.matchedAt", " and t.matched = true", after, limit);
    }

    private static Uni<List<Row>> page(String ownerId, String time, String filter, TimeAndId position, int limit) {
        String after = position == null ? "" : " and (" + time + ", t.tradeId) > (:at, :id)";
        String hql = "select t, a.clientAdId, a.side from OrderTrade t, Ad a where a.id = t.makerOrderId"
                + " and a.ownerId = :owner" + filter + after + " order by " + time + ", t.tradeId";
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Object[].class).setParameter("owner", ownerId);
            if (position != null) {
                query.setParameter("at", position.at()).setParameter("id", position.id());
            }
            return query.setMaxResults(limit).getResultList();
        }).map(rows -> rows.stream().map(r -> new Row((OrderTrade) r[0], (String) r[1], (Side) r[2])).toList());
    }
}
