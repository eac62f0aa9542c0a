package com.c2c.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Points a service's tests at the real local PostgreSQL, in a database of their own created for
 * this test run (named after the service's database, init arg {@code database}) and dropped after it.
 *
 * <p>The database is set up as {@code deploy/local/postgres.sh} sets up the service's own (ADR 0011): it
 * belongs to the service's owner role ({@code <database>_owner}), which runs the migrations, and the
 * service runs as its own role ({@code <database>_app}) with only what the migrations grant it, so the
 * tests prove the service works with no more than that. The administrator login ({@code C2C_DB_USER},
 * a member of every owner and service role) creates and drops the database; {@link TestDatabase} reads and arranges
 * rows with it, and {@link TestDatabase#asService} acts as the service's role.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    static final int PORT = 5432;
    private static final String HOST_URL = "jdbc:postgresql://127.0.0.1:" + PORT + "/";

    private String user;
    private String password;
    private String prefix = "c2c_test";
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("database", prefix);
    }

    @Override
    public Map<String, String> start() {
        LocalInfra.ensure("postgres", PORT);
        user = adminUser();
        password = adminPassword();
        String owner = prefix + "_owner";
        String app = prefix + "_app";
        if (!rolesExist(owner, app)) {
            // A cluster set up before each service had roles of its own: postgres.sh start adds them (idempotent).
            LocalInfra.run("postgres");
            if (!rolesExist(owner, app)) {
                throw new IllegalStateException("roles " + owner + " and " + app + " are missing after deploy/local/postgres.sh start"
                        + " (is " + prefix + " in C2C_DB_ROLE_PREFIXES of deploy/local/lib.sh?)");
            }
        }
        database = prefix + "_t" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"))
                + "_" + ThreadLocalRandom.current().nextInt(1000, 10000);
        execute("create database " + database + " owner " + owner);
        execute("revoke all on database " + database + " from public");
        execute("grant connect on database " + database + " to " + app);
        return Map.of(
                "quarkus.datasource.jdbc.url", HOST_URL + database,
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + PORT + "/" + database,
                "quarkus.datasource.username", app,
                "quarkus.datasource.password", env("C2C_DB_APP_PASSWORD", "c2c"),
                "quarkus.flyway.username", owner,
                "quarkus.flyway.password", env("C2C_DB_OWNER_PASSWORD", "c2c"));
    }

    @Override
    public void stop() {
        if (database != null) {
            execute("drop database if exists " + database + " with (force)");
        }
    }

    /** The test database's name, for tests that look at rows directly. */
    public String database() {
        return database;
    }

    static String adminUser() {
        return env("C2C_DB_USER", "c2c");
    }

    static String adminPassword() {
        return env("C2C_DB_PASSWORD", "c2c");
    }

    private boolean rolesExist(String owner, String app) {
        try (Connection c = DriverManager.getConnection(HOST_URL + "postgres", user, password);
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from pg_roles r where r.rolname in (?, ?) and pg_has_role(current_user, r.oid, 'MEMBER')")) {
            s.setString(1, owner);
            s.setString(2, app);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(1) == 2;
            }
        } catch (SQLException e) {
            if ("42704".equals(e.getSQLState())) { // pg_has_role on a role that does not exist
                return false;
            }
            throw new IllegalStateException("PostgreSQL refused the role check (" + e.getMessage() + ")", e);
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(HOST_URL + "postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql + " (" + e.getMessage() + ")", e);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
