package com.c2c.order.ad.api;

import com.c2c.order.ad.AdService;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/ads")
@Tag(name = "Ads", description = "Makers' standing quotes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdResource {
    private final AdService ads;
    private final Caller caller;

    AdResource(AdService ads, Caller caller) {
        this.ads = ads;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Post an ad", description = "Stored as PENDING_FUNDING until its USDT is reserved.")
    @APIResponse(responseCode = "201", description = "Ad posted")
    @APIResponse(responseCode = "400", description = "A field is invalid (problem body names it)")
    @APIResponse(responseCode = "401", description = "No caller")
    public Uni<Response> post(@Valid @NotNull PostAdRequest request) {
        return ads.post(caller.id(), request).map(ad -> Response.created(URI.create("/api/v1/ads/" + ad.id))
                .entity(AdView.of(ad)).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One ad")
    @APIResponse(responseCode = "200", description = "The ad")
    @APIResponse(responseCode = "404", description = "No such ad")
    public Uni<AdView> get(@PathParam("id") UUID id) {
        return ads.find(id).map(AdView::of);
    }
}
