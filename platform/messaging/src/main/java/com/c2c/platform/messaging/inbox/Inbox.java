package com.c2c.platform.messaging.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Applies each consumed event at most once per consumer: the event id is inserted into the inbox in
 * the same transaction as the effect, so a redelivered event finds its id there and is skipped, and
 * a failed effect leaves no id behind and is retried. Records reach it through
 * {@link com.c2c.platform.messaging.consumer.EventConsumer}, which decides what a failure means.
 */
@ApplicationScoped
public class Inbox {
    /** Runs {@code effect} in a new transaction unless this consumer already applied the event; true if it ran. */
    public Uni<Boolean> applyOnce(String consumer, ReceivedEvent event, Function<ReceivedEvent, Uni<Void>> effect) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type) values (:consumer, :id, :type)
                        on conflict do nothing""")
                        .setParameter("consumer", consumer)
                        .setParameter("id", event.id())
                        .setParameter("type", event.type())
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? effect.apply(event).replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE)));
    }
}
