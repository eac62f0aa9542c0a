package com.c2c.platform.messaging.inbox;

import com.c2c.platform.messaging.sql.PlainSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Applies each consumed event at most once per consumer: the event id is inserted into the inbox in
 * the same transaction as the effect, so a redelivered event finds its id there and is skipped, and
 * a failed effect leaves no id behind and is retried. Records reach it through
 * {@link com.c2c.platform.messaging.consumer.EventConsumer}, which decides what a failure means.
 */
@ApplicationScoped
public class Inbox {
    /** One effect to apply once: the consumer (its inbox namespace), the event and what applying it does. */
    public record Effect(String consumer, ReceivedEvent event, Supplier<Uni<Void>> apply) {
    }

    /** Runs {@code effect} in a new transaction unless this consumer already applied the event; true if it ran. */
    public Uni<Boolean> applyOnce(String consumer, ReceivedEvent event, Function<ReceivedEvent, Uni<Void>> effect) {
        return Panache.withTransaction(() -> PlainSql.update("""
                        insert into inbox_event (consumer, event_id, event_type) values ($1, $2, $3)
                        on conflict do nothing""", consumer, event.id(), event.type())
                .chain(inserted -> inserted == 1
                        ? effect.apply(event).replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE)));
    }

    /**
     * Applies a polled batch in one transaction: one inbox insert for all its event ids, then, in order, the
     * effect of each event its consumer had not applied yet (an event seen twice by one consumer in the batch
     * runs once; a batch may hold the records of several consumers, each in its own namespace). All or
     * nothing: if any effect fails, the whole transaction rolls back and the failure is returned. Each effect
     * starts with an empty persistence context (the previous one's changes flushed, then detached), so it sees
     * the database exactly as it would in a transaction of its own, only not yet committed. Completes with how
     * many effects ran.
     */
    public Uni<Integer> applyAllOnce(List<Effect> effects) {
        if (effects.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Map<String, Effect> once = new LinkedHashMap<>();
        effects.forEach(e -> once.putIfAbsent(key(e), e));
        return Panache.withTransaction(() -> record(once.values())
                .chain(fresh -> Panache.getSession().chain(session -> applyInOrder(session, effects, fresh))));
    }

    private static String key(Effect effect) {
        return key(effect.consumer(), effect.event().id());
    }

    private static String key(String consumer, String eventId) {
        return consumer + '\u0000' + eventId;
    }

    /**
     * Inserts the (consumer, event id) rows; returns the keys of those that were not there yet. One statement of
     * the same text whatever the batch's size (its rows passed as three arrays), so PostgreSQL and the client's
     * prepared-statement cache see one statement, not one per batch size.
     */
    private static Uni<Set<String>> record(Collection<Effect> effects) {
        String[] consumers = new String[effects.size()];
        String[] ids = new String[effects.size()];
        String[] types = new String[effects.size()];
        int i = 0;
        for (Effect effect : effects) {
            consumers[i] = effect.consumer();
            ids[i] = effect.event().id();
            types[i] = effect.event().type();
            i++;
        }
        return PlainSql.select("""
                insert into inbox_event (consumer, event_id, event_type)
                select * from unnest($1::text[], $2::text[], $3::text[])
                on conflict do nothing returning consumer, event_id""", consumers, ids, types).map(rows -> {
            Set<String> fresh = new HashSet<>();
            rows.forEach(row -> fresh.add(key((String) row[0], (String) row[1])));
            return fresh;
        });
    }

    private static Uni<Integer> applyInOrder(Mutiny.Session session, List<Effect> effects, Set<String> fresh) {
        int[] ran = {0};
        return Multi.createFrom().iterable(effects)
                .onItem().transformToUniAndConcatenate(effect -> !fresh.remove(key(effect))
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().deferred(() -> effect.apply().get())
                                .call(session::flush)
                                .invoke(() -> {
                                    session.clear();
                                    ran[0]++;
                                }))
                .collect().last()
                .replaceWith(() -> ran[0]);
    }
}
