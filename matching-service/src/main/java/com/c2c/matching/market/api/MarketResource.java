package com.c2c.matching.market.api;

import io.quarkus.security.Authenticated;
import com.c2c.matching.market.MarketService;
import com.c2c.platform.web.Caller;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@Path("/api/v1/markets")
@Tag(name = "Markets", description = "Asset/fiat pairs and their books")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MarketResource {
    private final MarketService markets;
    private final Caller caller;

    MarketResource(MarketService markets, Caller caller) {
        this.markets = markets;
        this.caller = caller;
    }

    @POST
    @Authenticated
    @Operation(operationId = "openMarket", summary = "Open a market (admin)")
    @APIResponse(responseCode = "201", description = "Market opened")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    @APIResponse(responseCode = "409", description = "Already open")
    public Uni<Response> open(@Valid @NotNull OpenMarketRequest request) {
        return markets.open(caller.requireRole(Caller.ADMIN), request)
                .map(m -> Response.created(URI.create("/api/v1/markets/" + m.id)).entity(MarketView.of(m)).build());
    }

    @GET
    @Path("/{market}")
    @Operation(operationId = "getMarket", summary = "One market")
    @APIResponse(responseCode = "200", description = "The market", content = @Content(schema = @Schema(implementation = MarketView.class)))
    @APIResponse(responseCode = "404", description = "No such market")
    public Uni<MarketView> get(@PathParam("market") String market) {
        return markets.find(market).map(MarketView::of);
    }
}
