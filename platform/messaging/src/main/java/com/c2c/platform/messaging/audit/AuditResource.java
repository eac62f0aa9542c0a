package com.c2c.platform.messaging.audit;

import com.c2c.platform.web.Caller;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageAfter;
import com.c2c.platform.web.PageParams;
import com.c2c.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Admins read each service's audit trail at {@code /api/v1/audit/<service>}: the service's name is in
 * the path so that the gateway can route the one URL shape to every service.
 */
@Cancellable(false)
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

    /** Where an entry stands in the trail: entry ids only grow, so the id alone orders it. */
    public record AuditEntryId(long id) {
    }

    @GET
    @Operation(operationId = "listAuditEntries", summary = "This service's audit entries, newest first, by cursor (admin)",
            description = "In id order, newest first. Pass `nextCursor` back as `cursor` for the next, older page.")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    @APIResponse(responseCode = "400", description = PageParams.REFUSED)
    public Uni<Page<AuditEntryView>> list(@PathParam("service") String service, @BeanParam PageParams page) {
        caller.requireRole(Caller.ADMIN);
        if (!this.service.equals(service)) {
            throw ProblemException.notFound("service " + service);
        }
        PageAfter<AuditEntryId> ask = page.after(AuditEntryId.class);
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                select id, at, actor, action, subject, detail, request_id from audit_entry
                where id < :before order by id desc limit :rows""", Object[].class)
                .setParameter("before", ask.after() == null ? Long.MAX_VALUE : ask.after().id())
                .setParameter("rows", ask.fetch())
                .getResultList()))
                .map(rows -> ask.page(rows.stream().map(r -> new AuditEntryView(((Number) r[0]).longValue(),
                        toInstant(r[1]), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                        (String) r[6])).toList(), entry -> new AuditEntryId(entry.id())));
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
