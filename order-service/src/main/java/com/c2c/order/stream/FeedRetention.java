package com.c2c.order.stream;

import com.c2c.platform.messaging.retention.PeriodicPurge;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

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
    private final Pool pool;
    private final StreamConfig config;
    private final Vertx vertx;
    private final PeriodicPurge purge;

    FeedRetention(Pool pool, StreamConfig config, Vertx vertx) {
        this.pool = pool;
        this.config = config;
        this.vertx = vertx;
        this.purge = new PeriodicPurge("feed entries", """
                delete from owner_feed where ctid in (
                    select ctid from owner_feed
                    where txid < least(
                        (select txid from owner_feed where created_at >= $1 order by txid limit 1),
                        pg_snapshot_xmin(pg_current_snapshot()))
                    limit $2)""", config.retention(), config.pruneBatchSize());
    }

    void start(@Observes StartupEvent event) {
        purge.start(vertx, pool, config.pruneInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        purge.stop(vertx);
    }

    /** Deletes every entry older than the retention (as a prefix of the order); returns how many. */
    public Uni<Long> pruneExpired() {
        return purge.purge(pool);
    }
}
