package com.c2c.platform.messaging.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Test-only endpoints that write outbox events in a transaction and drive the relay by hand. */
@Cancellable(false) // as every service's resources (ADR 0026)
@Path("/test")
public class TestEventsResource {
    static final String TYPE = "c2c.test.Something.v1";

    private final Outbox outbox;
    private final OutboxRelay relay;
    private final String topic;

    TestEventsResource(Outbox outbox, OutboxRelay relay, @ConfigProperty(name = "test.topic") String topic) {
        this.outbox = outbox;
        this.relay = relay;
        this.topic = topic;
    }

    /** Writes {@code count} events in one transaction; with {@code fail} the transaction then fails. */
    @POST
    @Path("/events")
    public Uni<Integer> write(@QueryParam("count") int count, @QueryParam("fail") boolean fail) {
        return Panache.withTransaction(() -> Multi.createFrom().range(0, count)
                .onItem().transformToUniAndConcatenate(i -> outbox.add(topic, "key-" + (i % 2), TYPE, "s" + i,
                        Map.of("seq", i)))
                .collect().asList()
                .map(ids -> {
                    if (fail) {
                        throw new IllegalStateException("the state change failed after the events were written");
                    }
                    return ids.size();
                }));
    }

    /** A query that takes {@code seconds}, for a test to cut its connection the way a server restart does. */
    @GET
    @Path("/slow")
    public Uni<Integer> slow(@QueryParam("seconds") int seconds) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select 1 from pg_sleep(:s)", Integer.class).setParameter("s", seconds).getSingleResult()));
    }

    /**
     * Fails the way Vert.x fails: {@code pool-timeout} as the SQL pool does when no connection frees up in time
     * (a bare {@code Throwable}, not an {@code Exception}), {@code throwable} as any other bare throwable.
     */
    @GET
    @Path("/fail")
    public Uni<Integer> fail(@QueryParam("with") String with) {
        return Uni.createFrom().failure(new io.vertx.core.impl.NoStackTraceThrowable(
                "pool-timeout".equals(with) ? "Timeout" : "a failure that is not an Exception"));
    }

    /** One relay batch; with {@code crash} the relay dies after the broker acks and before marking rows. */
    @POST
    @Path("/relay")
    public Uni<Integer> relay(@QueryParam("crash") boolean crash) {
        return crash
                ? relay.relayBatch(() -> {
                    throw new IllegalStateException("relay killed between publish and mark-published");
                }).onFailure().recoverWithItem(-1)
                : relay.relayBatch();
    }
}
