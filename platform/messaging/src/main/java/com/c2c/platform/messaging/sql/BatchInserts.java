package com.c2c.platform.messaging.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Append-only rows (outbox events, an owner feed's entries) that a consumer's batch transaction writes together:
 * one multi-row insert per table just before the transaction commits, instead of one insert per change. A batch
 * of ten records that each emit an event cost ten statements; now one. Outside a batch (an API request, a record
 * applied alone) {@link #insert} writes at once, as before.
 *
 * <p>Only rows nothing reads back in the same transaction belong here (the outbox's and the feed's: the relay and
 * the streams read them after commit). The rows of a table keep the order they were added in, so the database
 * numbers them (serial ids, the feed's sequence) as it did one insert at a time. The pending rows belong to the
 * transaction's session: {@link #insert} defers a row only into the batch opened on the very session it runs on
 * and not yet written, so a row can never wait for a batch that has ended or belongs to another transaction; if
 * the transaction fails, its pending rows go with it.
 */
public final class BatchInserts {
    /** A table's insert: {@code columns} as in SQL, {@code width} values per row. */
    public record Table(String name, String columns, int width) {
        String sql(int rows) {
            StringBuilder sql = new StringBuilder("insert into ").append(name).append(" (").append(columns)
                    .append(") values ");
            for (int r = 0; r < rows; r++) {
                sql.append(r == 0 ? "(" : ", (");
                for (int c = 0; c < width; c++) {
                    sql.append(c == 0 ? "$" : ", $").append(r * width + c + 1);
                }
                sql.append(')');
            }
            return sql.toString();
        }
    }

    private static final String KEY = BatchInserts.class.getName();
    /** PostgreSQL takes at most 65,535 parameters per statement; a larger batch is written in chunks. */
    private static final int MAX_PARAMETERS = 32_000;

    private final Mutiny.Session session;
    private final Map<Table, List<Object[]>> rows = new LinkedHashMap<>();
    /** Set when the write starts (or the batch ends without one): from then on a row goes in at once. */
    private boolean closed;

    private BatchInserts(Mutiny.Session session) {
        this.session = session;
    }

    /**
     * Runs {@code work} (inside the current transaction) with inserts deferred, then writes them: the caller's
     * transaction commits after. Called by the batch consumer's transaction ({@link
     * com.c2c.platform.messaging.inbox.Inbox#applyAllOnce}).
     */
    public static <T> Uni<T> around(Supplier<Uni<? extends T>> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().deferred(work);
        }
        return Panache.getSession().chain(session -> {
            BatchInserts open = context.getLocal(KEY);
            if (open != null && open.session == session && !open.closed) {
                return Uni.createFrom().deferred(work); // already inside this transaction's batch: its end writes
            }
            BatchInserts pending = new BatchInserts(session);
            context.putLocal(KEY, pending);
            return Uni.createFrom().deferred(work)
                    .call(pending::write)
                    .eventually(() -> {
                        pending.closed = true;
                        if (context.getLocal(KEY) == pending) {
                            context.removeLocal(KEY);
                        }
                    });
        });
    }

    /**
     * Inserts one row of {@code table} in the current transaction: at the end of the consumer's batch when this
     * runs inside one, else now. {@code values} are the row's, in the table's column order.
     */
    public static Uni<Void> insert(Table table, Object... values) {
        return insertAll(table, List.<Object[]>of(values));
    }

    /** Inserts rows of {@code table} as {@link #insert} does; outside a batch, in one statement. */
    public static Uni<Void> insertAll(Table table, List<Object[]> values) {
        for (Object[] row : values) {
            if (row.length != table.width()) {
                throw new IllegalArgumentException(table.name() + " takes " + table.width() + " values, not " + row.length);
            }
        }
        Context context = Vertx.currentContext();
        BatchInserts pending = context == null ? null : context.getLocal(KEY);
        if (pending == null || pending.closed) {
            return now(table, values);
        }
        return Panache.getSession().chain(session -> {
            if (session != pending.session || pending.closed) {
                return now(table, values);
            }
            List<Object[]> rows = pending.rows.computeIfAbsent(table, t -> new ArrayList<>());
            values.forEach(row -> rows.add(row.clone()));
            return Uni.createFrom().voidItem();
        });
    }

    private static Uni<Void> now(Table table, List<Object[]> values) {
        return values.isEmpty() ? Uni.createFrom().voidItem() : write(table, values);
    }

    private Uni<Void> write() {
        closed = true; // a row added while these statements run goes in at once rather than into a list already read
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Map.Entry<Table, List<Object[]>> entry : rows.entrySet()) {
            all = all.chain(() -> write(entry.getKey(), entry.getValue()));
        }
        return all;
    }

    /** The rows in as few statements as PostgreSQL's parameter limit allows, in order. */
    private static Uni<Void> write(Table table, List<Object[]> tableRows) {
        Uni<Void> all = Uni.createFrom().voidItem();
        int perStatement = Math.max(1, MAX_PARAMETERS / table.width());
        for (int from = 0; from < tableRows.size(); from += perStatement) {
            List<Object[]> chunk = tableRows.subList(from, Math.min(tableRows.size(), from + perStatement));
            Object[] params = new Object[chunk.size() * table.width()];
            for (int r = 0; r < chunk.size(); r++) {
                System.arraycopy(chunk.get(r), 0, params, r * table.width(), table.width());
            }
            String sql = table.sql(chunk.size());
            all = all.chain(() -> PlainSql.update(sql, params).replaceWithVoid());
        }
        return all;
    }
}
