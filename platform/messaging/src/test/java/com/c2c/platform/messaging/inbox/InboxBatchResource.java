package com.c2c.platform.messaging.inbox;

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

    InboxBatchResource(Inbox inbox) {
        this.inbox = inbox;
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
