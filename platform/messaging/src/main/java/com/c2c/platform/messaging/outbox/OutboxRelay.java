package com.c2c.platform.messaging.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes pending outbox rows to Kafka in id order and stamps them published.
 *
 * <p>A batch holds no database transaction and no pooled connection while the broker acknowledges:
 * the pending rows are read in one statement, sent, every send is awaited outside the database, and
 * the acknowledged rows are marked in a second statement. A crash anywhere before that mark leaves
 * the rows pending, so they are sent again on the next run: delivery is at-least-once, and consumers
 * drop the duplicates with their inbox. Only the instance holding the relay lock on its
 * {@link RelaySession} relays, so replicas of a service do not send the same rows concurrently (ADR
 * 0001 says what a session cut mid-batch allows), and per-key order holds: each batch goes out in
 * id order and settles completely (every send acked or failed) before the next batch reads, so a
 * failed row is resent ahead of every later row of its key.
 *
 * <p>The relay sleeps between polls but is woken by a PostgreSQL notification that every outbox
 * write raises at commit, so an event leaves within milliseconds; the poll is only the safety net
 * for a lost notification or session.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The PostgreSQL notification channel outbox writes raise on commit (a trigger, V0_6__outbox_notify_trigger.sql). */
    static final String CHANNEL = "c2c_outbox";
    /** CloudEvent extension naming the request that caused the event (extension names are lower-case alphanumerics). */
    public static final String REQUEST_ID_EXTENSION = "requestid";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final URI source;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicBoolean wokenDuringBatch = new AtomicBoolean();
    /** One batch at a time per instance, whether run by the loop or by hand. */
    private final AtomicBoolean batchRunning = new AtomicBoolean();
    private final RelaySession session;
    private volatile long timerId = -1;
    private volatile long lastCleanup = 0;

    OutboxRelay(Pool pool, @Channel("c2c-outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> emitter, OutboxConfig config, Vertx vertx) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.vertx = vertx;
        this.source = URI.create(config.source());
        // A lost session also lost the lock and the notifications: run again, which opens a new one.
        this.session = new RelaySession(pool, this::wake, this::wake);
    }

    void start(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            running.set(true);
            scheduleNext(Duration.ZERO);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        session.close();
    }

    /** Publishes one batch of pending events; returns how many were published. */
    public Uni<Integer> relayBatch() {
        return relayBatch(() -> {
        });
    }

    /**
     * As {@link #relayBatch()}, running {@code afterPublish} once the broker has acknowledged the
     * batch and before the rows are marked published: the window in which a crash causes a resend.
     */
    Uni<Integer> relayBatch(Runnable afterPublish) {
        return Uni.createFrom().deferred(() -> {
            if (!batchRunning.compareAndSet(false, true)) {
                return Uni.createFrom().item(0);
            }
            return session.lead()
                    .chain(leading -> leading ? pending() : Uni.createFrom().item(List.<PendingEvent>of()))
                    .chain(batch -> batch.isEmpty()
                            ? Uni.createFrom().item(0)
                            : publish(batch)
                                    .invoke(afterPublish)
                                    .chain(() -> markPublished(batch))
                                    .replaceWith(batch.size()))
                    .onTermination().invoke(() -> batchRunning.set(false));
        });
    }

    /** Deletes rows published longer ago than the retention. */
    public Uni<Integer> deleteExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        return pool.preparedQuery("delete from outbox_event where published_at < $1")
                .execute(Tuple.of(cutoff))
                .map(rows -> rows.rowCount());
    }

    private void scheduleNext(Duration delay) {
        if (!running.get()) {
            return;
        }
        timerId = vertx.setTimer(Math.max(1, delay.toMillis()), id -> runOnce());
    }

    /** A commit added events: run now, or right after the batch in flight. */
    private void wake() {
        if (inFlight.get()) {
            wokenDuringBatch.set(true);
        } else if (vertx.cancelTimer(timerId)) {
            scheduleNext(Duration.ZERO);
        }
    }

    private void runOnce() {
        if (!inFlight.compareAndSet(false, true)) {
            return;
        }
        wokenDuringBatch.set(false);
        relayBatch().chain(this::cleanupHourly).subscribe().with(
                published -> {
                    inFlight.set(false);
                    boolean more = published >= config.batchSize() || wokenDuringBatch.getAndSet(false);
                    scheduleNext(more ? Duration.ZERO : config.pollInterval());
                },
                failure -> {
                    inFlight.set(false);
                    LOG.warnf("outbox relay failed, retrying in %s: %s", config.retryInterval(), failure.toString());
                    scheduleNext(config.retryInterval());
                });
    }

    private Uni<Integer> cleanupHourly(int published) {
        long now = System.currentTimeMillis();
        if (now - lastCleanup < Duration.ofHours(1).toMillis()) {
            return Uni.createFrom().item(published);
        }
        lastCleanup = now;
        return deleteExpired().replaceWith(published);
    }

    /** One statement on a pooled connection, returned at once: the lock, not a row lock, keeps other relays off. */
    private Uni<List<PendingEvent>> pending() {
        return pool.preparedQuery("""
                select id, event_id, topic, record_key, type, subject, payload, created_at, request_id
                from outbox_event where published_at is null order by id limit $1""")
                .execute(Tuple.of(config.batchSize()))
                .map(rows -> {
                    List<PendingEvent> batch = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        batch.add(PendingEvent.of(row));
                    }
                    return batch;
                });
    }

    /**
     * Sends in id order (the idempotent producer keeps that order per partition) and waits until
     * every send has settled, outside any transaction. On a failure it still waits for the rest:
     * the next batch resends the failed row and must not find a later row of its key still in flight.
     */
    private Uni<Void> publish(List<PendingEvent> batch) {
        List<Uni<Void>> acks = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            acks.add(emitter.sendMessage(toMessage(event)));
        }
        return Uni.join().all(acks).andCollectFailures().replaceWithVoid();
    }

    private Message<String> toMessage(PendingEvent event) {
        var kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.key())
                .build();
        var cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId())
                .withExtensions(event.requestId() == null ? Map.of() : Map.of(REQUEST_ID_EXTENSION, event.requestId()))
                .withType(event.type())
                .withSource(source)
                .withSubject(event.subject())
                .withTimestamp(event.createdAt().atZoneSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        return Message.of(event.payload(), Metadata.of(kafka, cloudEvent));
    }

    /** Only once the whole batch is acknowledged; a statement of its own, so a short transaction. */
    private Uni<Void> markPublished(List<PendingEvent> batch) {
        Long[] ids = batch.stream().map(PendingEvent::id).toArray(Long[]::new);
        return pool.preparedQuery("update outbox_event set published_at = now() where id = any($1)")
                .execute(Tuple.of(ids))
                .replaceWithVoid();
    }

    private record PendingEvent(long id, String eventId, String topic, String key, String type, String subject,
            String payload, OffsetDateTime createdAt, String requestId) {
        static PendingEvent of(Row row) {
            return new PendingEvent(row.getLong("id"), row.getUUID("event_id").toString(), row.getString("topic"),
                    row.getString("record_key"), row.getString("type"), row.getString("subject"),
                    row.getString("payload"), row.getOffsetDateTime("created_at"), row.getString("request_id"));
        }
    }
}
