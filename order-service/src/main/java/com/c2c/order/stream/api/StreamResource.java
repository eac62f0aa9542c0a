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
 * A signed-in caller's live stream (ADR 0008): its orders' and trades' events as Server-Sent Events. The
 * opening checks run on a worker thread (@Blocking), so a refused stream is an ordinary problem answer.
 */
@Path("/api/v1/stream")
@Tag(name = "Live streams", description = "Server-Sent Events of the caller's own orders, trades, ads and fills, resumable (ADR 0008)")
@Authenticated
public class StreamResource {
    static final String RESUME = "The id of the last event received, to resume after it (the header an"
            + " SSE client sends on reconnecting). Without one the stream starts from now. An id that is not"
            + " mine or no longer kept answers 410.";

    private final LiveStreams streams;
    private final Caller caller;

    StreamResource(LiveStreams streams, Caller caller) {
        this.streams = streams;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(operationId = "streamMyEvents", summary = "My orders' and trades' updates, live",
            description = "A live stream of my taker orders' and trades' status changes (`order.status`,"
                    + " `trade.status`). Resumable: reconnect with `Last-Event-ID` and get exactly what was"
                    + " missed, then live events. The server ends the stream when my token expires.\n\n"
                    + StreamExamples.EVENTS)
    @APIResponse(responseCode = "200", description = "The stream, open until the token expires",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "an order matched", value = StreamExamples.STREAM)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "no caller", value = StreamExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "410", description = "The event id to resume from is malformed, not mine, or"
            + " older than what is kept: re-read state through REST and reconnect without an id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too old", value = StreamExamples.GONE)))
    @APIResponse(responseCode = "429", description = "I hold the maximum of open streams (or the edge's rate"
            + " limit): retry after the Retry-After seconds", content = @Content(mediaType = PROBLEM,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too many streams", value = StreamExamples.TOO_MANY)))
    public Multi<OutboundSseEvent> mine(
            @Parameter(description = RESUME) @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "As Last-Event-ID, for clients that cannot set headers (the header wins)")
            @QueryParam("lastEventId") String lastEventIdParam,
            @Context Sse sse) {
        return streams.open(caller.id(), FeedType.TRADER, SseEvents.resumeFrom(lastEventId, lastEventIdParam),
                caller.tokenExpiresAt()).map(item -> SseEvents.of(item, sse));
    }

}
