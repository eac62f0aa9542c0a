package com.c2c.matching.book;

import java.sql.SQLException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Why the engine cannot make progress, as readiness says it: a fixed sentence per kind of failure,
 * never an exception's own text (which may carry hosts, SQL or record content). The log has the rest.
 */
final class EngineFailure {
    static final String FENCED = "standing by: another matching engine instance took over the books (fenced)";
    static final String LEAD_LOST = "standing by: the engine's database session ended and another instance took the lead";
    static final String SNAPSHOT_AHEAD = "the newest book snapshot has read past the end of the input topic:"
            + " the topic was recreated or truncated, and the books cannot be rebuilt from it"
            + " (see docs/operations.md)";
    static final String DATABASE = "the engine's database is unavailable; rebuilding when it is back";
    static final String KAFKA = "Kafka is unavailable; rebuilding when it is back";
    static final String UNEXPECTED = "unexpected failure (see the service log); rebuilding from the last snapshot";

    private EngineFailure() {
    }

    /** The books' snapshot cannot be used with the input topic as it is now. */
    static final class SnapshotAheadOfTopic extends IllegalStateException {
        SnapshotAheadOfTopic(String detail) {
            super(detail);
        }
    }

    static boolean isFenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable e) {
        if (isFenced(e)) {
            return FENCED;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SnapshotAheadOfTopic) {
                return SNAPSHOT_AHEAD;
            }
            if (t instanceof SQLException) {
                return DATABASE;
            }
            if (t instanceof RetriableException) {
                return KAFKA;
            }
        }
        return e instanceof KafkaException ? KAFKA : UNEXPECTED;
    }
}
