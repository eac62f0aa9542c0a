package com.c2c.matching.book;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.postgresql.Driver;

/**
 * Which instance of matching-service runs the engine (ADR 0017): the one whose database session holds a
 * PostgreSQL advisory lock named after the engine's transactional id. The others wait as standbys, their
 * JVMs started and warm, and try the lock every half second; a leader killed by SIGKILL loses its session
 * and the lock with it at once, so a standby takes over within a poll instead of waiting for a restart.
 * <p>
 * The lock only decides who tries; it is not what keeps two engines from both publishing. That is
 * still Kafka's fencing (ADR 0004): the new leader's {@code initTransactions} fences the old producer,
 * whose next commit fails, so an old leader that did not notice it lost the lock (a database restart
 * ends every session) cannot commit anything after the new one started.
 * <p>
 * The session is a connection of its own, outside the pool: a pooled connection handed back would keep
 * the lock held by a session nobody uses. Not thread-safe: only the engine's thread uses it.
 */
final class EngineLeadership {
    private static final Logger LOG = Logger.getLogger(EngineLeadership.class);
    /** The first half of the lock's name, so it cannot meet another use of advisory locks in this database. */
    private static final int NAMESPACE = 0x0c2c_0e91;

    private final String url;
    private final Properties credentials = new Properties();
    private final int key;
    private Connection session;

    /**
     * @param transactionalId the engine's transactional id: one lock per engine (tests run their own
     *                        engines with their own ids next to a running platform's)
     * @param instance        this instance's name (c2c.instance-id): the session's application name is
     *                        {@code matching-engine/<instance>}, so an operator sees in {@code pg_stat_activity}
     *                        which instance leads
     */
    EngineLeadership(String url, String user, String password, String transactionalId, String instance) {
        this.url = url;
        credentials.setProperty("user", user);
        if (password != null) {
            credentials.setProperty("password", password);
        }
        credentials.setProperty("ApplicationName", applicationName(instance));
        this.key = transactionalId.hashCode();
    }

    /**
     * Tries to take the lead; true if this instance holds it now. Never throws: without a database no
     * instance can take the lock, so none is told it leads.
     */
    boolean tryTake() {
        try {
            if (session == null || session.isClosed()) {
                session = new Driver().connect(url, credentials);
                if (session == null) {
                    throw new SQLException("not a PostgreSQL URL: " + url);
                }
            }
            // Re-entrant for the session that holds it, so asking again while leading answers true.
            try (PreparedStatement q = session.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                q.setInt(1, NAMESPACE);
                q.setInt(2, key);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            LOG.debugf("leadership: could not try the lock (%s)", e.getMessage());
            close();
            return false;
        }
    }

    /**
     * While leading: false only when the lock is certainly another's now, i.e. this session was lost (and
     * the lock with it) and the database, answering again, gave the lock to another instance. While the
     * database does not answer, no other instance can take the lock either, so this one leads on.
     */
    boolean stillHeld() {
        try {
            if (session != null && session.isValid(2)) {
                return true;
            }
        } catch (SQLException e) {
            // treated as a lost session below
        }
        close();
        try {
            session = new Driver().connect(url, credentials);
        } catch (SQLException e) {
            LOG.debugf("leadership: database unreachable while leading (%s); leading on", e.getMessage());
            return true;
        }
        boolean held = tryTake();
        if (!held && session != null) {
            LOG.warn("leadership: this instance's database session ended and another instance holds the lock now");
        }
        return held || session == null;
    }

    static String applicationName(String instance) {
        return "matching-engine/" + instance;
    }

    /** Gives the lead up: ending the session releases the lock. */
    void close() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                // the session is gone either way, and the lock with it
            }
            session = null;
        }
    }
}
