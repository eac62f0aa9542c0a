package com.c2c.platform.messaging.inbox;

import com.c2c.platform.messaging.retention.PeriodicPurge;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Deletes inbox ids older than the retention (beyond any redelivery the topics' retention allows).
 * Without it the inbox grows by one row per consumed event forever.
 */
@ApplicationScoped
public class InboxRetention {
    private final Pool pool;
    private final InboxConfig config;
    private final Vertx vertx;
    private final PeriodicPurge purge;

    InboxRetention(Pool pool, InboxConfig config, Vertx vertx) {
        this.pool = pool;
        this.config = config;
        this.vertx = vertx;
        this.purge = new PeriodicPurge("inbox ids", """
                delete from inbox_event where ctid in (
                    select ctid from inbox_event where received_at < $1 limit $2)""",
                config.retention(), config.pruneBatchSize());
    }

    void start(@Observes StartupEvent event) {
        purge.start(vertx, pool, config.pruneInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        purge.stop(vertx);
    }

    /** Deletes every id received longer ago than the retention; returns how many. */
    public Uni<Long> pruneExpired() {
        return purge.purge(pool);
    }
}
