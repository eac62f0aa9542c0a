package com.c2c.escrow.trade.api;

import io.quarkus.security.Authenticated;
import com.c2c.escrow.trade.TradeQueries;
import com.c2c.platform.web.Caller;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageParams;
import com.c2c.platform.web.TimeAndId;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
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
            description = "In (dispute.openedAt, id) order, by cursor. Pass `nextCursor` back as `cursor` for the next"
                    + " page; disputes opened meanwhile come after it, resolved ones drop out, none is seen twice.")
    @APIResponse(responseCode = "200", description = "A page of DISPUTED trades")
    @APIResponse(responseCode = "400", description = PageParams.REFUSED)
    @APIResponse(responseCode = "401", description = "The request does not say who is calling")
    @APIResponse(responseCode = "403", description = "Not an arbiter")
    public Uni<Page<TradeView>> open(@BeanParam PageParams page) {
        caller.requireRole(Caller.ARBITER);
        return queries.disputed(page.after(TimeAndId.class)).map(trades -> trades.map(TradeView::of));
    }
}
