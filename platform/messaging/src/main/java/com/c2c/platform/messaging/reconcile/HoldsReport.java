package com.c2c.platform.messaging.reconcile;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * A service's own account of the USDT it believes the wallet holds reserved and locked, per owner, for the
 * reconciler (ADR 0012). A service that holds nothing has no implementation, and its reconciliation
 * report answers 404.
 *
 * <p>The answer must come from one snapshot of the service's own database (one SQL statement), so that
 * the numbers of different owners cannot mix two moments; it lists only owners with a non-zero hold,
 * ordered by owner id.
 */
public interface HoldsReport {
    /** At most {@code limit} owners (the caller asks for one more than it accepts, to see an overflow). */
    Uni<List<Hold>> holds(int limit);
}
