package com.c2c.wallet.ledger;

import com.c2c.wallet.ledger.domain.Leg;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Records balanced postings, inside the caller's transaction. Idempotent by command id: a command
 * already posted moves nothing again. Balances are updated by the database from the entries and
 * can never go negative (SQL constraint), so an overdraft fails the caller's whole transaction.
 */
@ApplicationScoped
public class Ledger {

    /** The posting's id and whether this call created it (false: the command was already posted). */
    public record Posted(UUID postingId, boolean created) {
    }

    public Uni<Posted> post(String commandId, String kind, String asset, List<Leg> legs) {
        Leg.requireBalanced(legs);
        // A fixed order of account locks keeps concurrent postings from deadlocking.
        List<Leg> ordered = legs.stream()
                .sorted(Comparator.comparing(Leg::ownerId).thenComparing(Leg::kind))
                .toList();
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
