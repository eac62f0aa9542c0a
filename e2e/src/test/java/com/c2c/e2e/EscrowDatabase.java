package com.c2c.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** The test's only reach into a service's database: making time pass for one trade's deadline. */
final class EscrowDatabase {
    private static final String URL = System.getenv().getOrDefault("C2C_ESCROW_JDBC_URL",
            "jdbc:postgresql://127.0.0.1:5432/c2c_escrow");

    private EscrowDatabase() {
    }

    static void expirePaymentDeadline(String tradeId) {
        try (Connection c = DriverManager.getConnection(URL, "c2c", "c2c");
                PreparedStatement s = c.prepareStatement(
                        "update trade set deadline_at = now() - interval '1 second' where id = ? and status = 'LOCKED'")) {
            s.setObject(1, UUID.fromString(tradeId));
            if (s.executeUpdate() != 1) {
                throw new AssertionError("trade " + tradeId + " is not LOCKED in the escrow database");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
