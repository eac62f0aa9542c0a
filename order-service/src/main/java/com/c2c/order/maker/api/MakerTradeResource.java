package com.c2c.order.maker.api;

import io.quarkus.security.Authenticated;
import static com.c2c.order.maker.api.Examples.D400;
import static com.c2c.order.maker.api.Examples.PROBLEM;

import com.c2c.order.maker.MakerHistory;
import com.c2c.platform.web.Caller;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageParams;
import com.c2c.platform.web.Problem;
import com.c2c.platform.web.TimeAndId;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The trades and fills of the maker's ads, paged by an opaque cursor, only the caller's. */
@Cancellable(false)
@Path("/api/v1/maker")
@Tag(name = "Maker API")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MakerTradeResource {
    private final MakerHistory history;
    private final Caller caller;

    MakerTradeResource(MakerHistory history, Caller caller) {
        this.history = history;
        this.caller = caller;
    }

    @GET
    @Path("/trades")
    @Operation(operationId = "listMakerTrades", summary = "Trades on my ads, oldest first, by cursor",
            description = "Each trade the book made on one of my ads, with its status as escrow reports it, in"
                    + " (createdAt, tradeId) order. Pass `nextCursor` back as `cursor` for the next page (or later,"
                    + " to poll for new trades): trades recorded meanwhile come after it, none twice.")
    @APIResponse(responseCode = "200", description = "A page of trades",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class),
                    examples = @ExampleObject(name = "one trade", value = Examples.TRADES_PAGE)))
    @APIResponse(responseCode = "400", description = D400 + ": " + PageParams.REFUSED,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad cursor", value = Examples.BAD_CURSOR)))
    public Uni<Page<MakerTradeView>> trades(@BeanParam PageParams page) {
        String owner = caller.requireRole(Caller.MERCHANT);
        return history.trades(owner, page.after(TimeAndId.class), MakerTradeView::of);
    }

    @GET
    @Path("/fills")
    @Operation(operationId = "listMakerFills", summary = "Fills of my ads, oldest first, by cursor",
            description = "Each match of one of my ads (what traded, at what price), in (matchedAt, tradeId) order,"
                    + " whatever became of the trade since. Paged like /api/v1/maker/trades.")
    @APIResponse(responseCode = "200", description = "A page of fills",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class),
                    examples = @ExampleObject(name = "one fill", value = Examples.FILLS_PAGE)))
    @APIResponse(responseCode = "400", description = D400 + ": " + PageParams.REFUSED,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad cursor", value = Examples.BAD_CURSOR)))
    public Uni<Page<FillView>> fills(@BeanParam PageParams page) {
        String owner = caller.requireRole(Caller.MERCHANT);
        return history.fills(owner, page.after(TimeAndId.class), FillView::of);
    }
}
