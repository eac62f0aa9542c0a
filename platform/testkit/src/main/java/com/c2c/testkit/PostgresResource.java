package com.c2c.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Points a service's tests at the real local PostgreSQL, in a database of their own created for
 * this test run (named after the service's database, init arg {@code database}) and dropped after it.
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
        user = env("C2C_DB_USER", "c2c");
        password = env("C2C_DB_PASSWORD", "c2c");
        database = prefix + "_t" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"))
                + "_" + ThreadLocalRandom.current().nextInt(1000, 10000);
        execute("create database " + database);
        return Map.of(
                "quarkus.datasource.jdbc.url", HOST_URL + database,
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + PORT + "/" + database,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
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

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(HOST_URL + "postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql + " (" + e.getMessage() + ")", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
