package com.c2c.platform.messaging.audit;

import com.c2c.platform.web.Caller;
import com.c2c.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admins read each service's audit trail at {@code /api/v1/audit/<service>}: the service's name is in
 * the path so that the gateway can route the one URL shape to every service.
 */
@Path("/api/v1/audit/{service}")
@Tag(name = "Audit", description = "What admins and arbiters did, append-only (admins)")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AuditResource {
    private final Caller caller;
    private final String service;

    AuditResource(Caller caller, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.caller = caller;
        this.service = service;
    }

    public record AuditEntryView(long id, Instant at, String actor, String action, String subject, String detail,
            String requestId) {
    }

    public record AuditPage(List<AuditEntryView> items, Long nextBefore) {
    }

    @GET
    @Operation(operationId = "listAuditEntries", summary = "This service's audit entries, newest first (admin)",
            description = "Page backwards with before=<nextBefore of the previous page>.")
    public Uni<AuditPage> list(@PathParam("service") String service,
            @QueryParam("before") @Min(1) Long before,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        caller.requireRole(Caller.ADMIN);
        if (!this.service.equals(service)) {
            throw ProblemException.notFound("service " + service);
        }
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                select id, at, actor, action, subject, detail, request_id from audit_entry
                where id < :before order by id desc limit :limit""", Object[].class)
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setParameter("limit", limit)
                .getResultList()))
                .map(rows -> {
                    List<AuditEntryView> items = rows.stream().map(r -> new AuditEntryView(((Number) r[0]).longValue(),
                            toInstant(r[1]), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                            (String) r[6])).toList();
                    Long next = items.size() == limit ? items.get(items.size() - 1).id() : null;
                    return new AuditPage(items, next);
                });
    }

    private static Instant toInstant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return value instanceof java.sql.Timestamp ts ? ts.toInstant() : null;
    }
}
