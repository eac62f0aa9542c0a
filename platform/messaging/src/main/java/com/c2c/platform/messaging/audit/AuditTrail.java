package com.c2c.platform.messaging.audit;

import com.c2c.platform.web.RequestIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records what an admin or an arbiter did, in the transaction of the action itself: the entry exists
 * if and only if the action happened. Entries are append-only (the table refuses UPDATE, DELETE and
 * TRUNCATE) and carry the request id that ties them to the gateway's and the services' logs.
 */
@ApplicationScoped
public class AuditTrail {

    /**
     * @param actor   the owner id of the admin or arbiter
     * @param action  what they did, e.g. {@code wallet.credit}, {@code market.open}
     * @param subject what it was done to (an owner, a market, a trade id)
     * @param detail  the decisive values in a few words (amount, price, outcome)
     */
    public Uni<Void> record(String actor, String action, String subject, String detail) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "AuditTrail.record must run inside the transaction of the action it records"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery("""
                        insert into audit_entry (actor, action, subject, detail, request_id)
                        values (:actor, :action, :subject, :detail, :requestId)""")
                        .setParameter("actor", actor)
                        .setParameter("action", action)
                        .setParameter("subject", subject)
                        .setParameter("detail", detail)
                        .setParameter("requestId", RequestIds.current().orElse(null))
                        .executeUpdate())
                .replaceWithVoid();
    }
}
