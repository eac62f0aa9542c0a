package com.c2c.platform.web;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure is an outage of a server the service depends on (PostgreSQL or Kafka unreachable,
 * restarting, closing connections, timing out) rather than a fault of the request or a bug. The same
 * answer drives both sides: a REST call answers 503 with {@code Retry-After} (its retry is safe: nothing
 * was committed), and a consumer retries the record without limit instead of skipping it.
 */
public final class Outages {
    /**
     * SQLSTATEs that say "try again": connection exceptions (08), the server shutting down or starting
     * (57P01..57P03), out of resources (53), a serialization failure or deadlock (40001, 40P01), a lock not
     * available (55P03) and a statement cancelled by its timeout (57014).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01", "55P03",
            "57014");
    /** The transient states that mean another transaction, not the server: a serialization failure, a deadlock. */
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01");
    /** Failures named by class, where the class is not on this module's classpath. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of(
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.http.HttpClosedException",
            "io.netty.channel.ConnectTimeoutException",
            "org.hibernate.exception.JDBCConnectionException",
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.apache.kafka.common.errors.DisconnectException");

    /**
     * Messages of failures the SQL client raises without a type of their own: a statement sent on a pooled
     * connection the server has just closed (seen during a PostgreSQL restart, wrapped by Hibernate Reactive
     * or in a Mutiny CompositeException with the failed rollback).
     */
    private static final List<String> CLOSED_CONNECTION_MESSAGES = List.of("Connection is not active now");

    /**
     * The SQL client's pool gave up waiting for a free connection: every connection is busy, so the service is
     * overloaded for the moment and nothing of the request was done. Vert.x says so in two ways, by class and
     * message: the pool's acquisition timeout, a bare {@code Throwable}, and the pool's query timeout (seen at 100
     * trades/s offered, docs/performance.md).
     */
    private static final Map<String, String> POOL_TIMEOUTS = Map.of(
            "io.vertx.core.impl.NoStackTraceThrowable", "Timeout",
            "io.vertx.core.VertxException", "Timeout waiting for connection");

    private Outages() {
    }

    /**
     * True when {@code failure}, one of its causes, or one of the failures suppressed with it (a Mutiny
     * CompositeException carries all but the first that way) is an outage (see the class comment).
     */
    public static boolean isOutage(Throwable failure) {
        return isOutage(failure, 0);
    }

    private static boolean isOutage(Throwable failure, int level) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof IOException || t instanceof TimeoutException || namedTransient(t.getClass())
                    || closedConnection(t) || poolTimeout(t)) {
                return true;
            }
            if (level < 3) {
                for (Throwable suppressed : t.getSuppressed()) {
                    if (isOutage(suppressed, level + 1)) {
                        return true;
                    }
                }
            }
            String state = sqlState(t);
            if (state != null && (state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * True when {@code failure} (or a cause) is PostgreSQL ending the transaction because of another one: a
     * deadlock (40P01) or a serialization failure (40001). Nothing was committed, and the same work tried again
     * at once usually passes, the other transaction having gone on.
     */
    public static boolean isConflict(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (conflict(t) || Arrays.stream(t.getSuppressed()).anyMatch(Outages::conflict)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean conflict(Throwable t) {
        String state = sqlState(t);
        return state != null && CONFLICT_STATES.contains(state);
    }

    private static boolean closedConnection(Throwable t) {
        String message = t.getMessage();
        return message != null && CLOSED_CONNECTION_MESSAGES.stream().anyMatch(message::startsWith);
    }

    private static boolean poolTimeout(Throwable t) {
        String message = POOL_TIMEOUTS.get(t.getClass().getName());
        return message != null && message.equals(t.getMessage());
    }

    private static boolean namedTransient(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (TRANSIENT_CLASSES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The SQLSTATE of a PostgreSQL error however it is wrapped (Vert.x, JDBC or Hibernate), else null; of this
     * exception only, not of its causes.
     */
    public static String sqlState(Throwable t) {
        for (String name : new String[] {"getSqlState", "getSQLState"}) {
            try {
                Method m = t.getClass().getMethod(name);
                if (m.getReturnType() == String.class) {
                    return (String) m.invoke(t);
                }
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // not a database error
            }
        }
        return null;
    }
}
