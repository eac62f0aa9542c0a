package com.c2c.platform.messaging.inbox;

import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.platform.messaging.sql.PlainSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only: one batch holding two consumers' records, as a service's one Kafka consumer polls them (ADR 0021). */
@Path("/test/inbox")
public class InboxBatchResource {
    private final Inbox inbox;
    private final Outbox outbox;

    InboxBatchResource(Inbox inbox, Outbox outbox) {
        this.inbox = inbox;
        this.outbox = outbox;
    }

    /**
     * A batch of three records (events {@code key}-1..3), each of whose effects writes an outbox event keyed
     * {@code key} and then counts the rows with that key it can see; with {@code failLast} the third effect fails
     * after writing its event. Answers what each effect saw (the batch writes its events at its end, BatchInserts).
     */
    @POST
    @Path("/outbox")
    public Uni<List<Long>> outbox(@QueryParam("key") String key, @QueryParam("failLast") boolean failLast) {
        List<Long> seen = new CopyOnWriteArrayList<>();
        List<Inbox.Effect> batch = List.of(1, 2, 3).stream().map(n -> {
            ReceivedEvent event = new ReceivedEvent(key + "-" + n, "c2c.test.Batched.v1", "test", key, "{}");
            return new Inbox.Effect("test.outbox", event, () -> outbox.add("c2c.test.batched", key,
                    "c2c.test.Batched.v1", String.valueOf(n), Map.of("n", n))
                    .chain(() -> rowsWith(key)).invoke(seen::add)
                    .invoke(() -> {
                        if (failLast && n == 3) {
                            throw new IllegalStateException("the third change fails after writing its event");
                        }
                    }).replaceWithVoid());
        }).toList();
        return inbox.applyAllOnce(batch).replaceWith(() -> List.copyOf(seen));
    }

    /** An event written in a transaction of its own (an API request): in at once, as before. */
    @POST
    @Path("/outbox-alone")
    public Uni<Long> outboxAlone(@QueryParam("key") String key) {
        return Panache.withTransaction(() -> outbox.add("c2c.test.batched", key, "c2c.test.Batched.v1", "alone",
                Map.of("n", 0)).chain(() -> rowsWith(key)));
    }

    private static Uni<Long> rowsWith(String key) {
        return PlainSql.select("select count(*) from outbox_event where record_key = $1", key)
                .map(rows -> (Long) rows.get(0)[0]);
    }

    /**
     * Applies, in one batch, event {@code id} for consumer A, the same event for consumer B, and A's again; answers
     * how many effects ran and which, in order.
     */
    @POST
    @Path("/mixed")
    public Uni<Map<String, Object>> mixed(@QueryParam("id") String id) {
        List<String> ran = new CopyOnWriteArrayList<>();
        ReceivedEvent event = new ReceivedEvent(id, "c2c.test.Mixed.v1", "test", id, "{}");
        List<Inbox.Effect> batch = List.of(effect("test.a", event, ran), effect("test.b", event, ran),
                effect("test.a", event, ran));
        return inbox.applyAllOnce(batch).map(count -> Map.of("count", count, "ran", List.copyOf(ran)));
    }

    private static Inbox.Effect effect(String consumer, ReceivedEvent event, List<String> ran) {
        return new Inbox.Effect(consumer, event, () -> {
            ran.add(consumer);
            return Uni.createFrom().voidItem();
        });
    }
}
