package com.c2c.order.idempotency;

import com.c2c.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Creating something once per {@link IdempotencyKey}: a retry of the same request gets what the first
 * one created, a different request under a used key is refused. Each resource stores its key next to
 * what it created, with a unique constraint on (owner, key) as the last word when two retries race.
 */
public final class IdempotentCreation {
    private static final String UNIQUE_VIOLATION = "23505";

    private IdempotentCreation() {
    }

    /** What a creating request answered: the resource and whether this request created it (201) or found it (200). */
    public record Outcome<T>(T value, boolean created) {
    }

    /**
     * @param earlier     what the key already created, or null (looked up inside the creating transaction)
     * @param sameRequest whether that earlier resource is what this request asks for
     * @param what        the resource's name for the conflict message
     * @param create      creates the resource when the key is new
     */
    public static <T> Uni<Outcome<T>> once(Uni<T> earlier, Predicate<T> sameRequest, String what,
            Supplier<Uni<T>> create) {
        return earlier.chain(found -> {
            if (found == null) {
                return create.get().map(created -> new Outcome<>(created, true));
            }
            if (!sameRequest.test(found)) {
                return Uni.createFrom().failure(ProblemException.conflict("idempotency-key-reused",
                        "this Idempotency-Key was already used for a different " + what));
            }
            return Uni.createFrom().item(new Outcome<>(found, false));
        });
    }

    /**
     * Runs a creating transaction, and once more if it lost a race against a concurrent request with the
     * same key (the unique constraint refused its row): the second run finds the winner's resource.
     */
    public static <T> Uni<T> retryingRace(Supplier<Uni<T>> transaction) {
        return Uni.createFrom().<T>deferred(transaction::get)
                .onFailure(IdempotentCreation::isUniqueViolation).retry().atMost(1);
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // Hibernate Reactive does not always carry the SQL state over; a second run of a transaction
            // that broke another constraint simply fails the same way again.
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
            if (t instanceof io.vertx.pgclient.PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
