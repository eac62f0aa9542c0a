package com.c2c.platform.messaging.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnection;

/**
 * The relay's own database session, kept open while it lives. It LISTENs for the notification every
 * outbox write raises at commit, and holds the session-level advisory lock that makes this instance
 * the one relay of its service's database.
 *
 * <p>The lock is not a transaction: between its statements the session is idle, so it pins no
 * snapshot, row or pooled connection of the batch path, however long the broker takes to
 * acknowledge. PostgreSQL frees the lock as soon as the session ends (crash, server restart, cut
 * connection), and a replica's next run takes it over.
 */
final class RelaySession {
    /**
     * Any constant works: each service has its own database. The relay once took the same key with
     * {@code pg_try_advisory_xact_lock}; session and transaction locks on one key exclude each other,
     * so old and new relays never run at once during a rolling deploy.
     */
    static final long RELAY_LOCK = 0x0c2c_0b0cL;

    private final Pool pool;
    private final Runnable onNotification;
    private final Runnable onLost;
    private volatile SqlConnection connection;
    private volatile boolean leader;
    private volatile boolean closed;

    /**
     * @param onNotification run for every commit notification
     * @param onLost         run when the session ends other than by {@link #close()} (it holds no lock any more)
     */
    RelaySession(Pool pool, Runnable onNotification, Runnable onLost) {
        this.pool = pool;
        this.onNotification = onNotification;
        this.onLost = onLost;
    }

    /**
     * Whether this instance is the relay: opens the session if there is none and tries the lock if
     * it does not hold it yet. Never waits for another holder. Callers run one at a time.
     */
    Uni<Boolean> lead() {
        if (closed) {
            return Uni.createFrom().item(false);
        }
        SqlConnection current = connection;
        if (current != null && leader) {
            return Uni.createFrom().item(true);
        }
        return (current != null ? Uni.createFrom().item(current) : open())
                .chain(conn -> conn.preparedQuery("select pg_try_advisory_lock($1)").execute(Tuple.of(RELAY_LOCK))
                        .map(rows -> {
                            boolean locked = rows.iterator().next().getBoolean(0);
                            if (conn == connection) {
                                leader = locked;
                            }
                            return locked && conn == connection;
                        }));
    }

    /** Ends the session for good, which releases the lock (if held) and stops the notifications. */
    void close() {
        SqlConnection current;
        synchronized (this) {
            closed = true;
            current = connection;
            connection = null;
            leader = false;
        }
        if (current != null) {
            current.closeAndForget();
        }
    }

    private Uni<SqlConnection> open() {
        return pool.getConnection().chain(conn -> {
            PgConnection pg = PgConnection.cast(conn.getDelegate());
            pg.notificationHandler(notification -> onNotification.run());
            pg.closeHandler(ended -> lost(conn));
            return conn.query("listen " + OutboxRelay.CHANNEL).execute()
                    .map(ok -> {
                        synchronized (this) {
                            if (!closed) {
                                connection = conn;
                                return conn;
                            }
                        }
                        // closed while this one was opening (shutdown): it must not hold the lock past the app
                        throw new IllegalStateException("the outbox relay is stopped");
                    })
                    .onFailure().invoke(conn::closeAndForget);
        });
    }

    private void lost(SqlConnection conn) {
        if (conn == connection) {
            connection = null;
            leader = false;
            onLost.run();
        }
    }
}
