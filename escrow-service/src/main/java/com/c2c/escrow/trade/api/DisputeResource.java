package com.c2c.escrow.trade.api;

import io.quarkus.security.Authenticated;
import com.c2c.escrow.trade.TradeQueries;
import com.c2c.platform.web.Caller;
import com.c2c.platform.web.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/disputes")
@Tag(name = "Disputes", description = "Disputed trades, for arbiters")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DisputeResource {
    private final TradeQueries queries;
    private final Caller caller;

    DisputeResource(TradeQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listOpenDisputes", summary = "Trades waiting for an arbiter, the longest-waiting first, with their dispute",
            description = "Pages of 1..200 trades, 20 by default.")
    @APIResponse(responseCode = "200", description = "The DISPUTED trades of the page")
    @APIResponse(responseCode = "400", description = "page or size is out of bounds (problem names it)")
    @APIResponse(responseCode = "401", description = "The request does not say who is calling")
    @APIResponse(responseCode = "403", description = "Not an arbiter")
    public Uni<List<TradeView>> open(@BeanParam Paging paging) {
        caller.requireRole(Caller.ARBITER);
        return queries.disputed(paging.within(20, 200)).map(list -> list.stream().map(TradeView::of).toList());
    }
}
