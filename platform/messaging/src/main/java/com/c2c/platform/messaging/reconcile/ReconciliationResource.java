package com.c2c.platform.messaging.reconcile;

import com.c2c.platform.web.Caller;
import com.c2c.platform.web.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The reconciler's input from one service: the USDT it believes is reserved and locked, per owner, from
 * its own database (ADR 0012). The service's name is in the path so that the gateway routes the one URL
 * shape to every service; a service that holds nothing (no {@link HoldsReport}) answers 404.
 *
 * <p>A whole-platform report for operators, not a list to page through: it is bounded by the number of
 * owners with an open position (an ad or order with USDT, an open trade), and refuses with 503 when that
 * exceeds {@code c2c.reconciliation.max-owners} rather than answer part of it, since a partial report
 * would show drift that is not there.
 */
@Cancellable(false)
@Path("/api/v1/reconciliation/{service}")
@Tag(name = "Reconciliation", description = "The USDT this service believes is reserved and locked, per owner (admins)")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReconciliationResource {
    private final Caller caller;
    private final String service;
    private final Instance<HoldsReport> report;
    private final int maxOwners;

    ReconciliationResource(Caller caller, @ConfigProperty(name = "quarkus.application.name") String service,
            Instance<HoldsReport> report,
            @ConfigProperty(name = "c2c.reconciliation.max-owners", defaultValue = "100000") int maxOwners) {
        this.caller = caller;
        this.service = service;
        this.report = report;
        this.maxOwners = maxOwners;
    }

    /** One service's holds of USDT at {@code asOf}: only owners with a non-zero hold, by owner id. */
    public record HoldsView(String service, Instant asOf, List<Hold> holds) {
    }

    @GET
    @Operation(operationId = "getReconciliationReport",
            summary = "The USDT this service believes is reserved and locked, per owner (admin)",
            description = "Whole-platform, for operators and the reconciler (deploy/local/reconcile.sh): every owner"
                    + " with a non-zero hold, from one snapshot of this service's database. 404 for another service's"
                    + " name or a service that holds nothing; 503 when more owners hold USDT than the report's"
                    + " limit (c2c.reconciliation.max-owners, default 100000).")
    public Uni<HoldsView> report(@PathParam("service") String service) {
        caller.requireRole(Caller.ADMIN);
        if (!this.service.equals(service) || !report.isResolvable()) {
            throw ProblemException.notFound("reconciliation report of " + service);
        }
        Instant asOf = Instant.now();
        return report.get().holds(maxOwners + 1).map(holds -> {
            if (holds.size() > maxOwners) {
                throw new ProblemException(503, "report-too-large", "Report too large", "more than " + maxOwners
                        + " owners hold USDT; raise c2c.reconciliation.max-owners or reconcile from the databases'"
                        + " replicas", List.of());
            }
            return new HoldsView(this.service, asOf, holds);
        });
    }
}
