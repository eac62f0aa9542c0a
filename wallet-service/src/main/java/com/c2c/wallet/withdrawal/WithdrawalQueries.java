package com.c2c.wallet.withdrawal;

import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageAfter;
import com.c2c.platform.web.ProblemException;
import com.c2c.platform.web.TimeAndId;
import com.c2c.wallet.withdrawal.api.WithdrawalView;
import com.c2c.wallet.withdrawal.domain.WithdrawalState;
import com.c2c.wallet.withdrawal.store.Withdrawal;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Withdrawals as owners and admins read them. */
@ApplicationScoped
public class WithdrawalQueries {

    /** The owner's withdrawal; someone else's is not found. */
    @WithSession
    public Uni<WithdrawalView> own(String ownerId, UUID id) {
        return Withdrawal.<Withdrawal>findById(id).chain(w -> {
            if (w == null || !w.ownerId.equals(ownerId)) {
                throw ProblemException.notFound("withdrawal " + id);
            }
            return view(w);
        });
    }

    /** The owner's withdrawals, newest first, strictly before the position asked for (index withdrawal_owner). */
    @WithSession
    public Uni<Page<WithdrawalView>> own(String ownerId, PageAfter<TimeAndId> ask) {
        TimeAndId after = ask.after();
        String hql = "from Withdrawal w where w.ownerId = :owner"
                + (after == null ? "" : " and (w.createdAt, w.id) < (:at, :id)")
                + " order by w.createdAt desc, w.id desc";
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Withdrawal.class).setParameter("owner", ownerId);
            if (after != null) {
                query.setParameter("at", after.at()).setParameter("id", after.id());
            }
            return query.setMaxResults(ask.fetch()).getResultList();
        }).map(rows -> ask.page(rows, w -> new TimeAndId(w.createdAt, w.id))).chain(this::views);
    }

    /**
     * Withdrawals in {@code state} (every state when null), the oldest first — an admin's queue — strictly after
     * the position asked for (index withdrawal_state).
     */
    @WithSession
    public Uni<Page<WithdrawalView>> inState(WithdrawalState state, PageAfter<TimeAndId> ask) {
        TimeAndId after = ask.after();
        String hql = "from Withdrawal w where " + (state == null ? "true" : "w.state = :state")
                + (after == null ? "" : " and (w.createdAt, w.id) > (:at, :id)")
                + " order by w.createdAt, w.id";
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Withdrawal.class);
            if (state != null) {
                query.setParameter("state", state);
            }
            if (after != null) {
                query.setParameter("at", after.at()).setParameter("id", after.id());
            }
            return query.setMaxResults(ask.fetch()).getResultList();
        }).map(rows -> ask.page(rows, w -> new TimeAndId(w.createdAt, w.id))).chain(this::views);
    }

    /** With its approvers (one query per withdrawal: a page holds at most 100). */
    public Uni<WithdrawalView> view(Withdrawal w) {
        return Withdrawals.approvers(w.id).map(approvers -> WithdrawalView.of(w, approvers));
    }

    private Uni<Page<WithdrawalView>> views(Page<Withdrawal> page) {
        Uni<java.util.List<WithdrawalView>> all = Uni.createFrom().item(new java.util.ArrayList<>());
        for (Withdrawal w : page.items()) {
            all = all.chain(list -> view(w).map(v -> {
                list.add(v);
                return list;
            }));
        }
        return all.map(items -> new Page<>(items, page.nextCursor(), page.hasMore()));
    }
}
