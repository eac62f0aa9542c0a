package com.c2c.platform.messaging.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Deletes inbox ids older than the retention, in bounded batches, on a timer. Without it the inbox
 * grows by one row per consumed event forever. Replicas may prune at the same time: a delete is
 * idempotent, so no coordination is needed.
 */
@ApplicationScoped
public class InboxRetention {
    private static final Logger LOG = Logger.getLogger(InboxRetention.class);

    private final Pool pool;
    private final InboxConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timerId = -1;

    InboxRetention(Pool pool, InboxConfig config, Vertx vertx) {
        this.pool = pool;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        running.set(true);
        timerId = vertx.setPeriodic(config.pruneInterval().toMillis(), id -> pruneExpired().subscribe().with(
                deleted -> {
                    if (deleted > 0) {
                        LOG.infof("deleted %d inbox ids older than %s", deleted, config.retention());
                    }
                },
                failure -> LOG.warnf("inbox pruning failed; the next run retries: %s", failure.toString())));
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        vertx.cancelTimer(timerId);
    }

    /** Deletes every id received longer ago than the retention; returns how many. */
    public Uni<Long> pruneExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        return pruneBefore(cutoff, 0);
    }

    private Uni<Long> pruneBefore(OffsetDateTime cutoff, long deletedSoFar) {
        return pool.preparedQuery("""
                delete from inbox_event where ctid in (
                    select ctid from inbox_event where received_at < $1 limit $2)""")
                .execute(Tuple.of(cutoff, config.pruneBatchSize()))
                .chain(rows -> {
                    long total = deletedSoFar + rows.rowCount();
                    return rows.rowCount() < config.pruneBatchSize() || !running.get()
                            ? Uni.createFrom().item(total)
                            : pruneBefore(cutoff, total);
                });
    }
}
