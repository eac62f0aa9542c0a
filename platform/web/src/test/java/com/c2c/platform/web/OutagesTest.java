package com.c2c.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class OutagesTest {

    /** Stands for a database error as Vert.x and JDBC carry it: an SQLSTATE behind a getter. */
    static class DatabaseError extends RuntimeException {
        private final String state;

        DatabaseError(String state) {
            super("database error " + state);
            this.state = state;
        }

        public String getSqlState() {
            return state;
        }
    }

    @Test
    void unreachableRestartingOrBusyServersAreOutages() {
        assertTrue(Outages.isOutage(new ConnectException("Connection refused")));
        assertTrue(Outages.isOutage(new CompletionException(new RuntimeException("wrapped", new TimeoutException()))));
        assertTrue(Outages.isOutage(new DatabaseError("57P01")), "terminating connection (server shutting down)");
        assertTrue(Outages.isOutage(new DatabaseError("57P03")), "the server is starting up");
        assertTrue(Outages.isOutage(new DatabaseError("08006")), "connection failure");
        assertTrue(Outages.isOutage(new DatabaseError("53300")), "too many connections");
        assertTrue(Outages.isOutage(new DatabaseError("40001")), "serialization failure");
        assertTrue(Outages.isOutage(new RuntimeException(new DatabaseError("40P01"))), "deadlock, wrapped");
    }

    /** Seen in the chaos suite's PostgreSQL restart: /paid answered 500 for these (issue 10, item 8). */
    @Test
    void aStatementOnAConnectionTheServerClosedIsAnOutage() {
        RuntimeException closed = new RuntimeException("Connection is not active now, current status: CLOSED");
        assertTrue(Outages.isOutage(new RuntimeException("org.hibernate.HibernateException", closed)));
        RuntimeException composite = new RuntimeException("Multiple exceptions caught", new IllegalStateException(
                "rollback failed"));
        composite.addSuppressed(closed);
        assertTrue(Outages.isOutage(composite), "an outage among the failures suppressed with the first");
    }

    /** Seen at 100 trades/s offered: order placement answered 500 after waiting for a pooled connection. */
    @Test
    void thePoolGivingUpWaitingForAConnectionIsAnOutage() {
        Throwable poolTimeout = new io.vertx.core.impl.NoStackTraceThrowable("Timeout");
        assertTrue(Outages.isOutage(poolTimeout));
        assertTrue(Outages.isOutage(new CompletionException(poolTimeout)), "wrapped");
        assertFalse(Outages.isOutage(new io.vertx.core.impl.NoStackTraceThrowable("Something else")),
                "the same class says other things too, which are not known to be outages");
        assertFalse(Outages.isConflict(poolTimeout), "not another transaction's doing");
        assertTrue(Outages.isOutage(new io.vertx.core.VertxException("Timeout waiting for connection", true)),
                "the pool's query timeout, as the reconciliation report met it");
    }

    /** A batch consumer tries these again whole (EventConsumer); other outages are not conflicts. */
    @Test
    void deadlocksAndSerializationFailuresAreConflictsWhereverTheySit() {
        assertTrue(Outages.isConflict(new RuntimeException(new DatabaseError("40P01"))), "deadlock, wrapped");
        assertTrue(Outages.isConflict(new DatabaseError("40001")), "serialization failure");
        RuntimeException composite = new RuntimeException("Multiple exceptions caught");
        composite.addSuppressed(new DatabaseError("40P01"));
        assertTrue(Outages.isConflict(composite), "a deadlock among the failures suppressed with the first");
        assertFalse(Outages.isConflict(new DatabaseError("57P01")), "a server shutting down is an outage, not a conflict");
        assertFalse(Outages.isConflict(new ConnectException("Connection refused")));
        assertFalse(Outages.isConflict(new IllegalStateException("a bug")));
    }

    @Test
    void bugsAndRefusedDataAreNot() {
        assertFalse(Outages.isOutage(new IllegalStateException("a bug")));
        assertFalse(Outages.isOutage(new NullPointerException()));
        assertFalse(Outages.isOutage(new DatabaseError("23505")), "a unique violation is not an outage");
        assertFalse(Outages.isOutage(new DatabaseError("23514")), "a check violation (negative balance) is not");
        assertFalse(Outages.isOutage(new DatabaseError("42P01")), "a missing table is a bug");
    }
}
