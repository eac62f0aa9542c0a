package com.c2c.escrow.trade;

import com.c2c.escrow.trade.domain.Role;
import com.c2c.escrow.trade.domain.TradeStatus;
import com.c2c.escrow.trade.store.Trade;
import com.c2c.platform.web.PageRequest;
import com.c2c.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reading trades: a party sees their own, an arbiter sees any. */
@ApplicationScoped
public class TradeQueries {

    @WithSession
    public Uni<Trade> visibleTo(UUID id, String callerId, boolean arbiter) {
        return Trade.<Trade>findById(id)
                .map(t -> t == null || Role.of(t.buyerId, t.sellerId, callerId, arbiter) == Role.STRANGER ? null : t)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("trade " + id));
    }

    /** The caller's trades as buyer or seller, newest first. */
    @WithSession
    public Uni<List<Trade>> of(String callerId, PageRequest page) {
        return Trade.<Trade>find("buyerId = ?1 or sellerId = ?1", Sort.descending("createdAt").and("id"), callerId)
                .page(Page.of(page.page(), page.size())).list();
    }

    /** Trades waiting for an arbiter, the longest-waiting first. */
    @WithSession
    public Uni<List<Trade>> disputed(PageRequest page) {
        return Trade.<Trade>find("status", Sort.ascending("dispute.openedAt").and("id"), TradeStatus.DISPUTED)
                .page(Page.of(page.page(), page.size())).list();
    }
}
