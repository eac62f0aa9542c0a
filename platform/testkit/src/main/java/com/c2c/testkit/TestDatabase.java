package com.c2c.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain JDBC reads of the service's own test database, to check what a request really stored. */
public final class TestDatabase {
    private TestDatabase() {
    }

    /** The single long value of a query such as {@code select count(*) from ad}. */
    public static long queryLong(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row for: " + sql);
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** The single text value of a query, or null when it finds no row. */
    public static String queryString(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    public static int update(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + sql, e);
        }
    }

    /**
     * Runs {@code sql} as the service's own database role (the one it runs as, {@code quarkus.datasource.username}),
     * for tests that prove what that role may not do: the {@link SQLException} PostgreSQL answers, or null when it
     * allowed the statement.
     */
    public static SQLException asService(String sql) {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class)); Statement s = c.createStatement()) {
            s.execute(sql);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    /** A transaction left open until {@link #close()}, which rolls it back. */
    public interface OpenTransaction extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Runs {@code sql} (say, {@code select … for update}) in a transaction of its own that stays open, holding the
     * locks it took, until the returned handle is closed: for tests of what waits on a row and what does not.
     */
    public static OpenTransaction holdingLocks(String sql) {
        Connection c = null;
        try {
            c = connect();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            Connection held = c;
            return () -> {
                try (held) {
                    held.rollback();
                } catch (SQLException e) {
                    throw new IllegalStateException("could not end the held transaction", e);
                }
            };
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new IllegalStateException("could not hold locks: " + sql, e);
        }
    }

    /** As the administrator login (a member of the database's owner role): tests read and arrange any row. */
    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                PostgresResource.adminUser(), PostgresResource.adminPassword());
    }
}
