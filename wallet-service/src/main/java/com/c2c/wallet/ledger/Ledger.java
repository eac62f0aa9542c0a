package com.c2c.wallet.ledger;

import com.c2c.platform.messaging.sql.PlainSql;
import com.c2c.wallet.ledger.domain.Leg;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
        return existing(commandId).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(new Posted(found, false));
            }
            UUID postingId = UUID.randomUUID();
            return PlainSql.update("insert into ledger_posting (id, command_id, kind, asset) values ($1, $2, $3, $4)",
                            postingId, commandId, kind, asset)
                    .chain(() -> entries(postingId, asset, ordered))
                    .chain(inserted -> inserted == ordered.size() ? Uni.createFrom().voidItem()
                            : entriesOpeningAccounts(postingId, asset, ordered))
                    .replaceWith(new Posted(postingId, true));
        });
    }

    /** Whether a command was already posted (in this transaction's view). */
    public Uni<Boolean> posted(String commandId) {
        return existing(commandId).map(id -> id != null);
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
        StringBuilder sql = new StringBuilder("select ledger_lock_account(v.owner_id, $1, v.kind) from (select * from (values ");
        Object[] params = new Object[1 + 2 * ordered.size()];
        params[0] = asset;
        for (int i = 0; i < ordered.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('(').append(i).append(", $").append(2 * i + 2).append(", $")
                    .append(2 * i + 3).append(')');
            params[2 * i + 1] = ordered.get(i).ownerId();
            params[2 * i + 2] = ordered.get(i).kind().name();
        }
        sql.append(") as a (ord, owner_id, kind) order by ord offset 0) v order by v.ord");
        return PlainSql.select(sql.toString(), params).map(rows -> {
            if (rows.size() != ordered.size()) {
                throw new IllegalStateException("locked " + rows.size() + " accounts of " + ordered.size());
            }
            Map<String, Long> balances = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                Object balance = rows.get(i)[0];
                balances.put(account(ordered.get(i)), balance == null ? 0L : ((Number) balance).longValue());
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
    private static Uni<Integer> entries(UUID postingId, String asset, List<Leg> ordered) {
        StringBuilder sql = new StringBuilder("with v (ord, owner_id, kind, amount) as (values ");
        Object[] params = new Object[2 + 3 * ordered.size()];
        params[0] = postingId;
        params[1] = asset;
        for (int i = 0; i < ordered.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('(').append(i).append(", $").append(3 * i + 3).append(", $")
                    .append(3 * i + 4).append(", cast($").append(3 * i + 5).append(" as bigint))");
            Leg leg = ordered.get(i);
            params[3 * i + 2] = leg.ownerId();
            params[3 * i + 3] = leg.kind().name();
            params[3 * i + 4] = leg.amount();
        }
        sql.append("""
                ),
                found as (select v.ord, v.amount, a.id from v
                          join ledger_account a on a.owner_id = v.owner_id and a.asset = $2 and a.kind = v.kind)
                insert into ledger_entry (posting_id, account_id, amount, balance_after)
                select $1, id, amount, 0 from found where (select count(*) from found) =\s""")
                .append(ordered.size()).append(" order by ord");
        return PlainSql.update(sql.toString(), params);
    }

    /**
     * The entries of a posting that opens an account (an owner's first movement of a kind): leg by leg in
     * LOCK_ORDER, the account created if missing and then its entry, so accounts are taken — created or locked —
     * in the one order, as in every other posting.
     */
    private static Uni<Void> entriesOpeningAccounts(UUID postingId, String asset, List<Leg> ordered) {
        return Multi.createFrom().iterable(ordered)
                .onItem().transformToUniAndConcatenate(leg -> PlainSql.update("""
                                insert into ledger_account (owner_id, asset, kind, allow_negative) values ($1, $2, $3, $4)
                                on conflict (owner_id, asset, kind) do nothing""",
                                leg.ownerId(), asset, leg.kind().name(), leg.kind().mayGoNegative())
                        .chain(() -> PlainSql.update("""
                                insert into ledger_entry (posting_id, account_id, amount, balance_after)
                                select $1, id, $2, 0 from ledger_account where owner_id = $3 and asset = $4 and kind = $5""",
                                postingId, leg.amount(), leg.ownerId(), asset, leg.kind().name())))
                .collect().last()
                .replaceWithVoid();
    }

    private static Uni<UUID> existing(String commandId) {
        return PlainSql.select("select id from ledger_posting where command_id = $1", commandId)
                .map(rows -> rows.isEmpty() ? null : (UUID) rows.get(0)[0]);
    }
}
