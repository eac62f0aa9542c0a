package com.c2c.platform.messaging.sql;

import com.c2c.platform.messaging.outbox.OutboxEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Test-only: what one insert costs the service's JVM written three ways — an entity {@code persist}, a Hibernate
 * native query, {@link PlainSql} — in {@code transactions} transactions of {@code statements} inserts each. The rows
 * are outbox rows already marked published (no relay picks them up), on a topic of their own, deleted afterwards.
 */
@Path("/test/statement-cost")
public class StatementCostResource {
    static final String TOPIC = "c2c.statement-cost.v1";
    private static final String INSERT_NATIVE = """
            insert into outbox_event (event_id, topic, record_key, type, subject, payload, created_at, published_at)
            values (:id, :topic, 'k', 'c2c.test.Cost.v1', 's', '{"a":1}', :at, :at)""";
    private static final String INSERT_PLAIN = """
            insert into outbox_event (event_id, topic, record_key, type, subject, payload, created_at, published_at)
            values ($1, $2, 'k', 'c2c.test.Cost.v1', 's', '{"a":1}', $3, $3)""";

    /** Runs one way; answers the JVM's CPU and the wall time per transaction, in microseconds, and the rows written. */
    @POST
    public Uni<Map<String, Object>> run(@QueryParam("way") String way, @QueryParam("transactions") int transactions,
            @QueryParam("statements") int statements) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        return Multi.createFrom().range(0, transactions)
                .onItem().transformToUniAndConcatenate(t -> Panache.withTransaction(() -> Multi.createFrom()
                        .range(0, statements)
                        .onItem().transformToUniAndConcatenate(s -> insert(way))
                        .collect().last()))
                .collect().last()
                .chain(() -> Panache.withSession(() -> PlainSql.select(
                        "select count(*) from outbox_event where topic = $1", TOPIC)))
                .map(rows -> Map.of("way", way,
                        "cpuMicrosPerTransaction", (os.getProcessCpuTime() - cpu) / 1_000 / transactions,
                        "wallMicrosPerTransaction", (System.nanoTime() - wall) / 1_000 / transactions,
                        "rows", rows.get(0)[0]));
    }

    @DELETE
    public Uni<Integer> clear() {
        return Panache.withTransaction(() -> PlainSql.update("delete from outbox_event where topic = $1", TOPIC));
    }

    private static Uni<Void> insert(String way) {
        Instant now = Instant.now();
        return switch (way) {
            case "entity" -> {
                OutboxEvent e = new OutboxEvent();
                e.eventId = UUID.randomUUID();
                e.topic = TOPIC;
                e.recordKey = "k";
                e.type = "c2c.test.Cost.v1";
                e.subject = "s";
                e.payload = "{\"a\":1}";
                e.createdAt = now;
                e.publishedAt = now;
                yield e.persist().replaceWithVoid();
            }
            case "native" -> Panache.getSession().chain(session -> session.createNativeQuery(INSERT_NATIVE)
                    .setParameter("id", UUID.randomUUID()).setParameter("topic", TOPIC).setParameter("at", now)
                    .executeUpdate()).replaceWithVoid();
            case "plain" -> PlainSql.update(INSERT_PLAIN, UUID.randomUUID(), TOPIC, now).replaceWithVoid();
            default -> throw new IllegalArgumentException("way: entity, native or plain, not " + way);
        };
    }
}
