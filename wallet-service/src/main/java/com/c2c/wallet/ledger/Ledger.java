package com.c2c.wallet.ledger;

import com.c2c.wallet.ledger.domain.Leg;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Records balanced postings, inside the caller's transaction. Idempotent by command id: a command
 * already posted moves nothing again. Balances are updated by the database from the entries and
 * can never go negative (SQL constraint), so an overdraft fails the caller's whole transaction. The
 * service's database role can only add postings and entries, never change or remove them, and cannot
 * write a balance (ADR 0011).
 */
@ApplicationScoped
public class Ledger {
    /** The one order in which accounts are locked (here and in post), so concurrent postings cannot deadlock. */
    private static final Comparator<Leg> LOCK_ORDER = Comparator.comparing(Leg::ownerId).thenComparing(Leg::kind);

    /** The posting's id and whether this call created it (false: the command was already posted). */
    public record Posted(UUID postingId, boolean created) {
    }

    public Uni<Posted> post(String commandId, String kind, String asset, List<Leg> legs) {
        Leg.requireBalanced(legs);
        List<Leg> ordered = legs.stream().sorted(LOCK_ORDER).toList();
        return Panache.getSession().chain(session -> existing(session, commandId).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(new Posted(found, false));
            }
            UUID postingId = UUID.randomUUID();
            return session.createNativeQuery(
                            "insert into ledger_posting (id, command_id, kind, asset) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, postingId).setParameter(2, commandId).setParameter(3, kind)
                    .setParameter(4, asset)
                    .executeUpdate()
                    .chain(() -> entries(session, postingId, asset, ordered))
                    .chain(inserted -> inserted == ordered.size() ? Uni.createFrom().voidItem()
                            : entriesOpeningAccounts(session, postingId, asset, ordered))
                    .replaceWith(new Posted(postingId, true));
        }));
    }

    /** Whether a command was already posted (in this transaction's view). */
    public Uni<Boolean> posted(String commandId) {
        return Panache.getSession().chain(session -> existing(session, commandId)).map(id -> id != null);
    }

    /**
     * Locks the accounts a posting of {@code legs} would change, until the transaction ends, and returns
     * their balances (in the order of {@code legs}; zero for an account that does not exist yet). A
     * caller that checks a balance before debiting it locks first, so a concurrent debit waits for the
     * check's outcome instead of overdrawing; locking every account of the posting, in the order post
     * takes them, keeps two such callers from deadlocking.
     */
    public Uni<List<Long>> lockAccounts(String asset, List<Leg> legs) {
        List<Leg> ordered = legs.stream().sorted(LOCK_ORDER).toList();
        // One statement for all the accounts (a posting has two or three), each locked in the subquery's order, which
        // is LOCK_ORDER, through the ledger's own function (V4): the service's database role may not lock account
        // rows itself (SELECT ... FOR UPDATE needs an UPDATE privilege it does not have); the rows stay locked until
        // the transaction ends all the same.
        StringBuilder sql = new StringBuilder("select ledger_lock_account(v.owner_id, ?1, v.kind) from (select * from (values ");
        for (int i = 0; i < ordered.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('(').append(i).append(", ?").append(2 * i + 2).append(", ?")
                    .append(2 * i + 3).append(')');
        }
        sql.append(") as a (ord, owner_id, kind) order by ord offset 0) v order by v.ord");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Long.class).setParameter(1, asset);
            for (int i = 0; i < ordered.size(); i++) {
                query.setParameter(2 * i + 2, ordered.get(i).ownerId()).setParameter(2 * i + 3, ordered.get(i).kind().name());
            }
            return query.getResultList();
        }).map(rows -> {
            if (rows.size() != ordered.size()) {
                throw new IllegalStateException("locked " + rows.size() + " accounts of " + ordered.size());
            }
            Map<String, Long> balances = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                balances.put(account(ordered.get(i)), rows.get(i) == null ? 0L : rows.get(i));
            }
            return legs.stream().map(leg -> balances.get(account(leg))).toList();
        });
    }

    private static String account(Leg leg) {
        return leg.ownerId() + "/" + leg.kind();
    }

    /**
     * The posting's entries in one statement when every leg's account exists (a posting's usual case): inserted in
     * LOCK_ORDER (the select's order), so each entry's balance trigger locks its account in the one order every
     * posting takes. When an account is missing it inserts nothing (and has locked nothing): answers how many
     * entries it inserted, all or none.
     */
    private static Uni<Integer> entries(Mutiny.Session session, UUID postingId, String asset, List<Leg> ordered) {
        StringBuilder sql = new StringBuilder("with v (ord, owner_id, kind, amount) as (values ");
        for (int i = 0; i < ordered.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('(').append(i).append(", ?").append(3 * i + 3).append(", ?")
                    .append(3 * i + 4).append(", cast(?").append(3 * i + 5).append(" as bigint))");
        }
        sql.append("""
                ),
                found as (select v.ord, v.amount, a.id from v
                          join ledger_account a on a.owner_id = v.owner_id and a.asset = ?2 and a.kind = v.kind)
                insert into ledger_entry (posting_id, account_id, amount, balance_after)
                select ?1, id, amount, 0 from found where (select count(*) from found) =\s""")
                .append(ordered.size()).append(" order by ord");
        var insert = session.createNativeQuery(sql.toString()).setParameter(1, postingId).setParameter(2, asset);
        for (int i = 0; i < ordered.size(); i++) {
            Leg leg = ordered.get(i);
            insert.setParameter(3 * i + 3, leg.ownerId()).setParameter(3 * i + 4, leg.kind().name())
                    .setParameter(3 * i + 5, leg.amount());
        }
        return insert.executeUpdate();
    }

    /**
     * The entries of a posting that opens an account (an owner's first movement of a kind): leg by leg in
     * LOCK_ORDER, the account created if missing and then its entry, so accounts are taken — created or locked —
     * in the one order, as in every other posting.
     */
    private static Uni<Void> entriesOpeningAccounts(Mutiny.Session session, UUID postingId, String asset,
            List<Leg> ordered) {
        return Multi.createFrom().iterable(ordered)
                .onItem().transformToUniAndConcatenate(leg -> session.createNativeQuery("""
                                insert into ledger_account (owner_id, asset, kind, allow_negative) values (?1, ?2, ?3, ?4)
                                on conflict (owner_id, asset, kind) do nothing""")
                        .setParameter(1, leg.ownerId()).setParameter(2, asset).setParameter(3, leg.kind().name())
                        .setParameter(4, leg.kind().mayGoNegative())
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery("""
                                        insert into ledger_entry (posting_id, account_id, amount, balance_after)
                                        select ?1, id, ?2, 0 from ledger_account where owner_id = ?3 and asset = ?4 and kind = ?5""")
                                .setParameter(1, postingId).setParameter(2, leg.amount()).setParameter(3, leg.ownerId())
                                .setParameter(4, asset).setParameter(5, leg.kind().name())
                                .executeUpdate()))
                .collect().last()
                .replaceWithVoid();
    }

    private static Uni<UUID> existing(Mutiny.Session session, String commandId) {
        return session.createNativeQuery("select cast(id as text) from ledger_posting where command_id = ?1", String.class)
                .setParameter(1, commandId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : UUID.fromString(rows.get(0)));
    }
}
