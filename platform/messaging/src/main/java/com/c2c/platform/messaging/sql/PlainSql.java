package com.c2c.platform.messaging.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * SQL statements sent as written on the current session's connection, so inside its transaction, without
 * Hibernate's query layer (ADR 0020). The hot paths of a trade use it: measured on this platform, a native
 * query through Hibernate costs about 50 µs of CPU more per statement than the same statement sent here (a
 * query object, its parameter binding and plan-cache lookup, and the session's auto-flush check before it), and an
 * entity {@code persist} about 130 µs more. Hibernate stays for everything else.
 *
 * <p>Parameters are positional, {@code $1 … $n} as PostgreSQL writes them; an {@link Instant} is sent as a
 * {@code timestamptz}. Rows come back as the column values in order, as the PostgreSQL client gives them
 * ({@code uuid} as {@link java.util.UUID}, {@code bigint} as {@link Long}, {@code timestamptz} as
 * {@link OffsetDateTime}). Unlike a native query, a statement here does not flush the session first: a
 * caller that changed managed entities and then reads the same rows with plain SQL flushes first. Errors
 * are Hibernate's, as for its own statements, with PostgreSQL's SQLSTATE (which is what
 * {@link com.c2c.platform.web.Outages} classifies).
 */
public final class PlainSql {
    private PlainSql() {
    }

    /** Runs an insert, update or delete; completes with the number of rows it changed. */
    public static Uni<Integer> update(String sql, Object... params) {
        Object[] values = values(params);
        return connection().chain(c -> Uni.createFrom().completionStage(() -> c.update(sql, values)));
    }

    /**
     * Writes back a row the transaction holds locked, with a statement that checks its {@code version} and bumps it
     * ({@code ... where id = $1 and version = $2}): it must change exactly that row. A row changed under the lock (it
     * cannot be) fails the transaction, naming {@code row}, rather than lose either change.
     */
    public static Uni<Void> updateLockedRow(String row, long version, String sql, Object... params) {
        return update(sql, params).map(changed -> {
            if (changed != 1) {
                throw new IllegalStateException(row + " changed under its lock (version " + version + ")");
            }
            return null;
        });
    }

    /** Runs a query (or a statement with {@code returning}); completes with its rows. */
    public static Uni<List<Object[]>> select(String sql, Object... params) {
        Object[] values = values(params);
        return connection().chain(c -> Uni.createFrom().completionStage(() -> c.select(sql, values)))
                .map(result -> {
                    List<Object[]> rows = new ArrayList<>(result.size());
                    result.forEachRemaining(rows::add);
                    return rows;
                });
    }

    /** A {@code timestamptz} column's value as it comes back here (an {@link OffsetDateTime}, or null) as an Instant. */
    public static Instant instant(Object timestamptz) {
        return timestamptz == null ? null : ((OffsetDateTime) timestamptz).toInstant();
    }

    private static Uni<ReactiveConnection> connection() {
        return Panache.getSession().map(PlainSql::connectionOf);
    }

    /**
     * The connection Hibernate Reactive holds for the session (and its transaction). {@code getReactiveConnection}
     * is public on the session's implementation, not on {@link Mutiny.Session}: if a Hibernate Reactive upgrade
     * changes that, every use fails at once (PlainSqlTest), not silently.
     */
    private static ReactiveConnection connectionOf(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl impl) {
            return impl.getReactiveConnection();
        }
        throw new IllegalStateException("not a Hibernate Reactive session: " + session.getClass().getName());
    }

    private static Object[] values(Object[] params) {
        if (params == null) {
            // update(sql, null): Java passes the null as the array itself; the caller meant one null parameter
            return new Object[] {null};
        }
        Object[] values = params.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Instant instant) {
                values[i] = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
            }
        }
        return values;
    }
}
