package com.c2c.order.ad.api;

import io.quarkus.security.Authenticated;
import com.c2c.order.ad.ReferencePrices;
import com.c2c.platform.web.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@Path("/api/v1")
@Tag(name = "Reference prices", description = "What FLOATING ads are priced from")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferencePriceResource {
    private final ReferencePrices prices;
    private final Caller caller;

    ReferencePriceResource(ReferencePrices prices, Caller caller) {
        this.prices = prices;
        this.caller = caller;
    }

    @PUT
    @Path("/admin/reference-prices/{fiat}")
    @Authenticated
    @Operation(operationId = "setReferencePrice", summary = "Set a fiat's reference price (admin)", description = "Every FLOATING ad of the fiat is"
            + " re-priced in the same transaction; those on the book are amended there (their quantity is kept).")
    @APIResponse(responseCode = "200", description = "The price, and how many ads were re-priced")
    @APIResponse(responseCode = "400", description = "The fiat or price is invalid")
    @APIResponse(responseCode = "401", description = "No caller")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    public Uni<ReferencePriceView> set(@PathParam("fiat") @Parameter(example = "CNY") String fiat, @Valid @NotNull SetReferencePriceRequest body) {
        String admin = caller.requireRole(Caller.ADMIN);
        return prices.set(admin, fiat, body.price()).map(r -> ReferencePriceView.of(r.price(), r.ads()));
    }

    @GET
    @Path("/reference-prices")
    @Operation(operationId = "listReferencePrices", summary = "Reference prices", description = "Public.")
    public Uni<List<ReferencePriceView>> list() {
        return prices.all().map(all -> all.stream().map(p -> ReferencePriceView.of(p, null)).toList());
    }
}
