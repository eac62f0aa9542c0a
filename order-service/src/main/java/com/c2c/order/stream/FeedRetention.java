package com.c2c.order.stream;

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
 * Deletes feed entries older than the retention, in bounded batches, on a timer.
 *
 * <p>It deletes a prefix of the feed's order, never a middle: only entries of transactions below both the
 * oldest transaction that wrote a young entry and the oldest one still running. (Ages alone would not do:
 * {@code created_at} is when a transaction started, and a later-starting one may have the smaller id.) So
 * when a client's last id is still kept, everything after it is kept too, and the 410 for an id that is
 * gone is the only way a client learns it missed something: never a silent gap.
 */
@ApplicationScoped
public class FeedRetention {
    private static final Logger LOG = Logger.getLogger(FeedRetention.class);

    private final Pool pool;
    private final StreamConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timerId = -1;

    FeedRetention(Pool pool, StreamConfig config, Vertx vertx) {
        this.pool = pool;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        running.set(true);
        timerId = vertx.setPeriodic(config.pruneInterval().toMillis(), id -> pruneExpired().subscribe().with(
                deleted -> {
                    if (deleted > 0) {
                        LOG.infof("deleted %d feed entries older than %s", deleted, config.retention());
                    }
                },
                failure -> LOG.warnf("feed pruning failed; the next run retries: %s", failure.toString())));
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        vertx.cancelTimer(timerId);
    }

    /** Deletes every entry older than the retention (as a prefix of the order); returns how many. */
    public Uni<Long> pruneExpired() {
        return pruneBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention()), 0);
    }

    private Uni<Long> pruneBefore(OffsetDateTime cutoff, long deletedSoFar) {
        return pool.preparedQuery("""
                delete from owner_feed where ctid in (
                    select ctid from owner_feed
                    where txid < least(
                        (select txid from owner_feed where created_at >= $1 order by txid limit 1),
                        pg_snapshot_xmin(pg_current_snapshot()))
                    limit $2)""")
                .execute(Tuple.of(cutoff, config.pruneBatchSize()))
                .chain(rows -> {
                    long total = deletedSoFar + rows.rowCount();
                    return rows.rowCount() < config.pruneBatchSize() || !running.get()
                            ? Uni.createFrom().item(total)
                            : pruneBefore(cutoff, total);
                });
    }
}
