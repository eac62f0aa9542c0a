package com.c2c.escrow.trade.api;

import com.c2c.escrow.trade.TradeService;
import com.c2c.platform.web.Caller;
import com.c2c.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/trades")
@Tag(name = "Trades", description = "Trades held in escrow")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TradeResource {
    private final TradeService trades;
    private final Caller caller;

    TradeResource(TradeService trades, Caller caller) {
        this.trades = trades;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Open a trade by hand (operators; TradeMatched events open trades in the trade flow)")
    @APIResponse(responseCode = "201", description = "Trade opened")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    public Uni<Response> open(@Valid @NotNull OpenTradeRequest request) {
        caller.id();
        return trades.open(request)
                .map(t -> Response.created(URI.create("/api/v1/trades/" + t.id)).entity(TradeView.of(t)).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One trade, for its buyer or seller")
    @APIResponse(responseCode = "404", description = "No such trade (or not yours)")
    public Uni<TradeView> get(@PathParam("id") UUID id) {
        String me = caller.id();
        return trades.find(id).map(t -> {
            if (!me.equals(t.buyerId) && !me.equals(t.sellerId)) {
                throw ProblemException.notFound("trade " + id);
            }
            return TradeView.of(t);
        });
    }
}
