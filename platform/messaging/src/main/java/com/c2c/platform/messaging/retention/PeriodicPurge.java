package com.c2c.platform.messaging.retention;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Deletes what a table no longer needs to keep, on a timer, in bounded batches (a full batch is
 * followed by another at once), so a large backlog never becomes one long transaction. The delete is
 * idempotent, so replicas may purge side by side without coordination; a failed run is retried by the
 * next one. The one way the services prune (inbox ids, the owner feed).
 */
public final class PeriodicPurge {
    private static final Logger LOG = Logger.getLogger(PeriodicPurge.class);

    private final String what;
    private final String deleteSql;
    private final Duration retention;
    private final int batchSize;
    /** Set at shutdown: a purge under way ends after its current batch. */
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile long timerId = -1;

    /**
     * @param what      what is deleted, for the log ("inbox ids")
     * @param deleteSql a DELETE of at most {@code $2} rows that are older than the cutoff {@code $1}
     *                  (a timestamptz); it answers the number of rows deleted
     */
    public PeriodicPurge(String what, String deleteSql, Duration retention, int batchSize) {
        this.what = what;
        this.deleteSql = deleteSql;
        this.retention = retention;
        this.batchSize = batchSize;
    }

    public void start(Vertx vertx, Pool pool, Duration interval) {
        timerId = vertx.setPeriodic(interval.toMillis(), id -> purge(pool).subscribe().with(
                deleted -> {
                    if (deleted > 0) {
                        LOG.infof("deleted %d %s older than %s", deleted, what, retention);
                    }
                },
                failure -> LOG.warnf("pruning %s failed; the next run retries: %s", what, failure.toString())));
    }

    public void stop(Vertx vertx) {
        stopped.set(true);
        vertx.cancelTimer(timerId);
    }

    /** Deletes everything older than the retention, batch after batch; returns how many rows. */
    public Uni<Long> purge(Pool pool) {
        return purgeBefore(pool, OffsetDateTime.now(ZoneOffset.UTC).minus(retention), 0);
    }

    private Uni<Long> purgeBefore(Pool pool, OffsetDateTime cutoff, long deletedSoFar) {
        return pool.preparedQuery(deleteSql).execute(Tuple.of(cutoff, batchSize)).chain(rows -> {
            long total = deletedSoFar + rows.rowCount();
            return rows.rowCount() < batchSize || stopped.get()
                    ? Uni.createFrom().item(total)
                    : purgeBefore(pool, cutoff, total);
        });
    }
}
