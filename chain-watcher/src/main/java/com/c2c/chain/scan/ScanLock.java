package com.c2c.chain.scan;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnection;
import java.time.Duration;

/**
 * One chain's scan lock: a PostgreSQL session advisory lock held on a connection of its own for as long
 * as this instance scans the chain, so one replica scans it at a time (as the outbox relay's session
 * does). PostgreSQL frees it when the session ends, however it ends, and another replica takes over. The
 * lock saves work; correctness does not rest on it (each step checks the cursor it started from).
 * Used from the chain's scanner thread only: every call blocks.
 */
final class ScanLock {
    /** Per chain: this constant in the high bits, the chain id below (each service has its own database). */
    private static final long BASE = 0x0c2c_5ca0L << 32;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Pool pool;
    private final long key;
    private volatile SqlConnection connection;
    private volatile boolean held;

    ScanLock(Pool pool, long chainId) {
        this.pool = pool;
        this.key = BASE ^ chainId;
    }

    /** Whether this instance holds the lock, trying to take it if not; never waits for another holder. */
    boolean held() {
        if (held && connection != null) {
            return true;
        }
        SqlConnection conn = connection;
        if (conn == null) {
            conn = pool.getConnection().await().atMost(WAIT);
            SqlConnection opened = conn;
            PgConnection.cast(opened.getDelegate()).closeHandler(ended -> lost(opened));
            connection = conn;
        }
        boolean locked = conn.preparedQuery("select pg_try_advisory_lock($1)").execute(Tuple.of(key))
                .await().atMost(WAIT).iterator().next().getBoolean(0);
        held = locked && conn == connection;
        return held;
    }

    /**
     * Releases the lock and gives the connection back. Closing a pooled connection only returns it to the
     * pool with its session (and so the lock) alive, hence the explicit unlock first.
     */
    void release() {
        SqlConnection conn = connection;
        connection = null;
        held = false;
        if (conn != null) {
            try {
                conn.query("select pg_advisory_unlock_all()").execute().await().atMost(WAIT);
            } catch (RuntimeException e) {
                // the session is gone already, and the lock with it
            } finally {
                conn.closeAndForget();
            }
        }
    }

    private void lost(SqlConnection conn) {
        if (conn == connection) {
            connection = null;
            held = false;
        }
    }
}
