package com.c2c.order.maker.api;

import io.quarkus.security.Authenticated;
import static com.c2c.order.maker.api.Examples.D400;
import static com.c2c.order.maker.api.Examples.PROBLEM;

import com.c2c.order.maker.Heartbeats;
import com.c2c.platform.web.Caller;
import com.c2c.platform.web.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The maker's dead-man's switch: opted in, a maker that sends no heartbeat for its interval has all its
 * ACTIVE ads paused (off the book, USDT kept reserved). A later heartbeat re-arms the switch and resumes
 * nothing: the maker resumes its ads itself once its quotes are right again.
 */
@Cancellable(false)
@Path("/api/v1/maker")
@Tag(name = "Maker API")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class HeartbeatResource {
    private final Heartbeats heartbeats;
    private final Caller caller;

    HeartbeatResource(Heartbeats heartbeats, Caller caller) {
        this.heartbeats = heartbeats;
        this.caller = caller;
    }

    @PUT
    @Path("/heartbeat-policy")
    @Operation(operationId = "setHeartbeatPolicy", summary = "Opt in to the dead-man's switch, or change its interval",
            description = "From now on, with no heartbeat for intervalSeconds (5..3600) all my ACTIVE ads are paused"
                    + " (reason HEARTBEAT_MISSED) and withdrawn from the book. The clock starts at this call.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HeartbeatPolicyRequest.class),
            examples = @ExampleObject(name = "30 s", value = Examples.POLICY_REQUEST)))
    @APIResponse(responseCode = "200", description = "The switch, armed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HeartbeatView.class),
                    examples = @ExampleObject(name = "armed", value = Examples.HEARTBEAT)))
    @APIResponse(responseCode = "400", description = D400 + " (intervalSeconds 5..3600)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<HeartbeatView> setPolicy(@Valid @NotNull HeartbeatPolicyRequest request) {
        String owner = caller.requireRole(Caller.MERCHANT);
        return heartbeats.setPolicy(owner, request.intervalSeconds()).map(HeartbeatView::of);
    }

    @GET
    @Path("/heartbeat-policy")
    @Operation(operationId = "getHeartbeatPolicy", summary = "My dead-man's switch: interval, deadline, last trip")
    @APIResponse(responseCode = "200", description = "The switch",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HeartbeatView.class),
                    examples = @ExampleObject(name = "armed", value = Examples.HEARTBEAT)))
    @APIResponse(responseCode = "404", description = "I have not opted in", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "no policy", value = Examples.NOT_FOUND)))
    public Uni<HeartbeatView> policy() {
        String owner = caller.requireRole(Caller.MERCHANT);
        return heartbeats.policy(owner).map(HeartbeatView::of);
    }

    @DELETE
    @Path("/heartbeat-policy")
    @Operation(operationId = "deleteHeartbeatPolicy", summary = "Opt out of the dead-man's switch",
            description = "Nothing is paused for want of heartbeats any more. Idempotent.")
    @APIResponse(responseCode = "204", description = "Opted out (or never was in)")
    public Uni<Response> optOut() {
        String owner = caller.requireRole(Caller.MERCHANT);
        return heartbeats.optOut(owner).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/heartbeat")
    @Operation(operationId = "sendHeartbeat", summary = "I am alive: move the switch's deadline an interval ahead",
            description = "After the switch tripped this re-arms it but resumes nothing; resume the ads with"
                    + " POST /api/v1/maker/ads/resume once their quotes are right.")
    @APIResponse(responseCode = "200", description = "The switch with its new deadline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HeartbeatView.class),
                    examples = @ExampleObject(name = "armed", value = Examples.HEARTBEAT)))
    @APIResponse(responseCode = "409", description = "I have not opted in (no policy to keep alive)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no policy", value = Examples.NO_POLICY)))
    public Uni<HeartbeatView> beat() {
        String owner = caller.requireRole(Caller.MERCHANT);
        return heartbeats.beat(owner).map(HeartbeatView::of);
    }
}
