package com.c2c.platform.messaging.deadletter;

import com.c2c.platform.messaging.audit.AuditTrail;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.PoisonEvent;
import com.c2c.platform.web.Caller;
import com.c2c.platform.web.Outages;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageAfter;
import com.c2c.platform.web.PageParams;
import com.c2c.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The operator's view of this service's dead letters: list them, and replay one through the consumer
 * that gave up on it once its cause is fixed (a newer build that knows the type, a corrected handler).
 * A replay goes through the consumer's inbox, so an event it applied meanwhile is not applied twice; it is
 * recorded in the audit trail. docs/operations.md says when replaying is safe.
 */
@Cancellable(false)
@Path("/api/v1/dead-letters/{service}")
@Tag(name = "Dead letters", description = "Records this service's consumers could never apply (admins)")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DeadLetterResource {
    private final Caller caller;
    private final String service;
    private final DeadLetterArchive archive;
    private final EventConsumer consumers;
    private final AuditTrail audit;

    DeadLetterResource(Caller caller, @ConfigProperty(name = "quarkus.application.name") String service,
            DeadLetterArchive archive, EventConsumer consumers, AuditTrail audit) {
        this.caller = caller;
        this.service = service;
        this.archive = archive;
        this.consumers = consumers;
        this.audit = audit;
    }

    /**
     * A dead letter, and whether its consumer has applied the event since (by a replay, or because the
     * same event arrived again and could be applied).
     */
    public record DeadLetterView(DeadLetter letter, boolean applied) {
    }

    /** Where a dead letter stands in the list: newest first by the time it was written, then its place. */
    public record LetterPosition(Instant at, long partition, long offset) {
        static LetterPosition of(DeadLetter letter) {
            String[] place = letter.id().split("-", 2);
            return new LetterPosition(letter.at(), Long.parseLong(place[0]), Long.parseLong(place[1]));
        }

        boolean isAfter(LetterPosition cursor) {
            return Comparator.comparing(LetterPosition::at).thenComparingLong(LetterPosition::partition)
                    .thenComparingLong(LetterPosition::offset).compare(this, cursor) < 0;
        }
    }

    public record ReplayView(String id, String consumer, String eventId, String outcome) {
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "This service's dead letters, newest first, by cursor (admin)",
            description = "Every record one of this service's consumers dead-lettered (never applicable as it"
                    + " was: unreadable, unknown type or version, invalid), with the reason and the original"
                    + " record; `applied` says whether the consumer has applied the event since. Pass"
                    + " `nextCursor` back as `cursor` for the next, older page.")
    @APIResponse(responseCode = "200", description = "A page of dead letters")
    @APIResponse(responseCode = "400", description = PageParams.REFUSED)
    public Uni<Page<DeadLetterView>> list(@PathParam("service") String service, @BeanParam PageParams page) {
        ownService(service);
        PageAfter<LetterPosition> ask = page.after(LetterPosition.class);
        Context context = Vertx.currentContext();
        return blocking(() -> archive.list(this::ours).stream()
                .filter(l -> ask.after() == null || LetterPosition.of(l).isAfter(ask.after()))
                .limit(ask.fetch()).toList())
                .emitOn(on(context))
                .chain(this::appliedOf)
                .map(views -> ask.page(views, view -> LetterPosition.of(view.letter())));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Apply a dead letter again through its consumer (admin)",
            description = "Once: if the consumer has applied the event meanwhile, nothing happens"
                    + " (`already-applied`). 422 when the record still cannot be applied (the reason says why),"
                    + " 409 when it is not one this service can replay (the matching engine's are replayed by"
                    + " publishing the fixed input again, see docs/operations.md).")
    public Uni<ReplayView> replay(@PathParam("service") String service, @PathParam("id") String id) {
        ownService(service);
        Context context = Vertx.currentContext();
        return blocking(() -> archive.find(id).filter(this::ours)
                .orElseThrow(() -> ProblemException.notFound("dead letter " + id)))
                .emitOn(on(context))
                .chain(letter -> {
                    if (letter.event() == null) {
                        throw new ProblemException(422, "not-replayable", "Cannot be replayed",
                                "dead letter " + id + " has no CloudEvent envelope: nothing identifies it", List.of());
                    }
                    if (!consumers.knows(letter.consumer())) {
                        throw ProblemException.conflict("not-replayable", "dead letter " + id + " belongs to "
                                + letter.consumer() + ", which has no inbox consumer here to replay it through");
                    }
                    return Panache.withTransaction(() -> consumers.replay(letter.consumer(), letter.event())
                            .call(applied -> audit.record(caller.id(), "dead-letter.replay", id,
                                    letter.consumer() + " " + letter.eventType() + " " + letter.eventId() + ": "
                                            + (applied ? "applied" : "already applied"))))
                            .map(applied -> new ReplayView(id, letter.consumer(), letter.eventId(),
                                    applied ? "applied" : "already-applied"))
                            .onFailure(f -> !(f instanceof ProblemException) && !Outages.isOutage(f))
                            .transform(f -> f instanceof PoisonEvent poison
                                    ? new ProblemException(422, "still-poison", "Still cannot be applied",
                                            poison.getMessage(), List.of())
                                    : ProblemException.conflict("replay-failed", "the consumer failed to apply "
                                            + letter.eventId() + "; nothing was changed; see the service log"));
                });
    }

    private boolean ours(DeadLetter letter) {
        return service.equals(letter.service());
    }

    private Uni<List<DeadLetterView>> appliedOf(List<DeadLetter> letters) {
        Set<String> keys = letters.stream().filter(l -> l.eventId() != null && l.consumer() != null)
                .map(l -> l.consumer() + "/" + l.eventId()).collect(Collectors.toSet());
        if (keys.isEmpty()) {
            return Uni.createFrom().item(letters.stream().map(l -> new DeadLetterView(l, false)).toList());
        }
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "select consumer || '/' || event_id from inbox_event where consumer || '/' || event_id in (:keys)",
                        String.class).setParameter("keys", keys).getResultList()))
                .map(found -> {
                    Set<String> applied = Set.copyOf(found);
                    return letters.stream().map(l -> new DeadLetterView(l,
                            applied.contains(l.consumer() + "/" + l.eventId()))).toList();
                });
    }

    private void ownService(String named) {
        caller.requireRole(Caller.ADMIN);
        if (!service.equals(named)) {
            throw ProblemException.notFound("service " + named);
        }
    }

    private static <T> Uni<T> blocking(Supplier<T> read) {
        return Uni.createFrom().item(read).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Back to the request's Vert.x context, where the reactive session must be used. */
    private static Executor on(Context context) {
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }
}
