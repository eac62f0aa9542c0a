package com.c2c.order.stream.api;

import static com.c2c.order.stream.api.StreamExamples.PROBLEM;

import com.c2c.order.stream.LiveStreams;
import com.c2c.order.stream.domain.FeedType;
import com.c2c.platform.web.Caller;
import com.c2c.platform.web.Problem;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A maker client's live stream (ADR 0008): its ads', fills', orders' and trades' events as Server-Sent Events.
 * Its own class so its path is more specific than the maker API's {@code /api/v1/maker} resources.
 */
@Path("/api/v1/maker/stream")
@Tag(name = "Maker API")
@Authenticated
public class MakerStreamResource {
    private final LiveStreams streams;
    private final Caller caller;

    MakerStreamResource(LiveStreams streams, Caller caller) {
        this.streams = streams;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(operationId = "streamMakerEvents", summary = "My ads', orders' and trades' updates and fills, live",
            description = "For maker clients (role merchant): a live stream of my ads' status changes"
                    + " (`ad.status`), their fills (`fill`), and my orders' and trades' status changes. Resumable"
                    + " like /api/v1/stream, with the same ids.\n\n" + StreamExamples.EVENTS)
    @APIResponse(responseCode = "200", description = "The stream, open until the token expires",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "a fill, then a pause", value = StreamExamples.MAKER_STREAM)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "no caller", value = StreamExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "The caller lacks the merchant role",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not a merchant", value = StreamExamples.FORBIDDEN)))
    @APIResponse(responseCode = "410", description = "The event id to resume from is malformed, not mine, or"
            + " older than what is kept: re-read state through REST and reconnect without an id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too old", value = StreamExamples.GONE)))
    @APIResponse(responseCode = "429", description = "I hold the maximum of open streams (or the edge's rate"
            + " limit): retry after the Retry-After seconds", content = @Content(mediaType = PROBLEM,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too many streams", value = StreamExamples.TOO_MANY)))
    public Multi<OutboundSseEvent> maker(
            @Parameter(description = StreamResource.RESUME) @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "As Last-Event-ID, for clients that cannot set headers (the header wins)")
            @QueryParam("lastEventId") String lastEventIdParam,
            @Context Sse sse) {
        return streams.open(caller.requireRole(Caller.MERCHANT), FeedType.MAKER,
                SseEvents.resumeFrom(lastEventId, lastEventIdParam), caller.tokenExpiresAt())
                .map(item -> SseEvents.of(item, sse));
    }
}
