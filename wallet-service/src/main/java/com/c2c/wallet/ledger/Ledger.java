package com.c2c.wallet.ledger;

import com.c2c.wallet.ledger.domain.AccountKind;
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
                    .chain(() -> Multi.createFrom().iterable(ordered)
                            .onItem().transformToUniAndConcatenate(leg -> entry(session, postingId, asset, leg))
                            .collect().last())
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
        Map<String, Long> balances = new HashMap<>();
        return Panache.getSession().chain(session -> Multi.createFrom().iterable(legs.stream().sorted(LOCK_ORDER).toList())
                .onItem().transformToUniAndConcatenate(leg -> lockBalance(session, leg.ownerId(), asset, leg.kind())
                        .invoke(balance -> balances.put(account(leg), balance)))
                .collect().last()
                .map(ignored -> legs.stream().map(leg -> balances.get(account(leg))).toList()));
    }

    private static String account(Leg leg) {
        return leg.ownerId() + "/" + leg.kind();
    }

    /**
     * Through the ledger's own function (V4): the service's database role may not lock account rows itself
     * (SELECT ... FOR UPDATE needs an UPDATE privilege it does not have); the row stays locked until the
     * transaction ends all the same.
     */
    private static Uni<Long> lockBalance(Mutiny.Session session, String ownerId, String asset, AccountKind kind) {
        return session.createNativeQuery("select ledger_lock_account(?1, ?2, ?3)", Long.class)
                .setParameter(1, ownerId).setParameter(2, asset).setParameter(3, kind.name())
                .getResultList()
                .map(rows -> rows.isEmpty() || rows.get(0) == null ? 0L : rows.get(0));
    }

    private static Uni<UUID> existing(Mutiny.Session session, String commandId) {
        return session.createNativeQuery("select cast(id as text) from ledger_posting where command_id = ?1", String.class)
                .setParameter(1, commandId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : UUID.fromString(rows.get(0)));
    }

    private static Uni<Integer> entry(Mutiny.Session session, UUID postingId, String asset, Leg leg) {
        return session.createNativeQuery("""
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
                        .executeUpdate());
    }
}
