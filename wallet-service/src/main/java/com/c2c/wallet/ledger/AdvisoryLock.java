package com.c2c.wallet.ledger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A transaction-scoped PostgreSQL advisory lock on a key (hashed to 64 bits; a collision only makes two
 * unrelated callers wait for each other): released when the transaction ends, and needing no table privilege.
 * Callers that would both create the same thing take it first, so the second finds what the first made.
 */
public final class AdvisoryLock {

    private AdvisoryLock() {
    }

    /** Waits for the lock on {@code key} in the current transaction. */
    public static Uni<Void> hold(String key) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) locked", Integer.class)
                .setParameter(1, key)
                .getSingleResult())
                .replaceWithVoid();
    }
}
