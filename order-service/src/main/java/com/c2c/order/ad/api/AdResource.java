package com.c2c.order.ad.api;

import io.quarkus.security.Authenticated;
import com.c2c.order.ad.AdLifecycle;
import com.c2c.order.ad.AdService;
import com.c2c.order.idempotency.IdempotencyKey;
import com.c2c.platform.web.Caller;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageParams;
import com.c2c.platform.web.TimeAndId;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@Path("/api/v1/ads")
@Tag(name = "Ads", description = "Makers' standing quotes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class AdResource {
    private final AdService ads;
    private final AdLifecycle lifecycle;
    private final Caller caller;

    AdResource(AdService ads, AdLifecycle lifecycle, Caller caller) {
        this.ads = ads;
        this.lifecycle = lifecycle;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "postAd", summary = "Post an ad", description = "Idempotent by the Idempotency-Key header. A SELL ad is"
            + " PENDING_FUNDING until its USDT is reserved; a BUY ad is ACTIVE at once. A FLOATING ad is priced"
            + " from its fiat's reference price plus marginPercent.")
    @APIResponse(responseCode = "201", description = "Ad posted")
    @APIResponse(responseCode = "200", description = "Already posted under this Idempotency-Key")
    @APIResponse(responseCode = "400", description = "A field or the Idempotency-Key header is invalid (problem names it)")
    @APIResponse(responseCode = "401", description = "No caller")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused for a different ad, or no reference"
            + " price for a FLOATING ad's fiat")
    public Uni<Response> post(@HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Valid @NotNull PostAdRequest request) {
        String owner = caller.id();
        return ads.post(owner, IdempotencyKey.required(idempotencyKey), request).map(posted -> Response
                .status(posted.created() ? 201 : 200)
                .location(URI.create("/api/v1/ads/" + posted.value().id))
                .entity(AdView.of(posted.value())).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMyAd", summary = "One of my ads", description = "With what it has left (remaining) and its status.")
    @APIResponse(responseCode = "200", description = "The ad")
    @APIResponse(responseCode = "404", description = "No such ad of mine")
    public Uni<AdView> get(@PathParam("id") UUID id) {
        return ads.mine(caller.id(), id).map(AdView::of);
    }

    @GET
    @Operation(operationId = "listMyAds", summary = "My ads, newest first, by cursor", description = "In (createdAt, id)"
            + " order, newest first. Pass `nextCursor` back as `cursor` for the next, older page; ads posted meanwhile"
            + " come before it and shift nothing.")
    @APIResponse(responseCode = "200", description = "A page of my ads")
    @APIResponse(responseCode = "400", description = PageParams.REFUSED)
    public Uni<Page<AdView>> list(@BeanParam PageParams page) {
        return ads.mine(caller.id(), page.after(TimeAndId.class)).map(ads -> ads.map(AdView::of));
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "amendAd", summary = "Change my ad", description = "Price, price type, margin, payment window and terms while"
            + " ACTIVE or PAUSED (a listed ad's new price goes to the book); order limits, payment methods and"
            + " minCompletedTrades only while PAUSED. The quantity never changes: cancel and post a new ad.")
    @APIResponse(responseCode = "200", description = "The changed ad")
    @APIResponse(responseCode = "400", description = "A field is invalid, or quantity was given")
    @APIResponse(responseCode = "404", description = "No such ad of mine")
    @APIResponse(responseCode = "409", description = "Not allowed in the ad's status (\"pause the ad first\")")
    public Uni<AdView> amend(@PathParam("id") UUID id, @Valid @NotNull AmendAdRequest request) {
        return lifecycle.amend(caller.id(), id, request).map(AdView::of);
    }

    @POST
    @Path("/{id}/pause")
    @Operation(operationId = "pauseAd", summary = "Pause my ad", description = "ACTIVE → PAUSED: off the book, its USDT stays reserved."
            + " Pausing a paused ad answers it as it is.")
    @APIResponse(responseCode = "200", description = "The paused ad")
    @APIResponse(responseCode = "404", description = "No such ad of mine")
    @APIResponse(responseCode = "409", description = "The ad is not ACTIVE")
    public Uni<AdView> pause(@PathParam("id") UUID id) {
        return lifecycle.pause(caller.id(), id).map(AdView::of);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(operationId = "resumeAd", summary = "Resume my ad", description = "PAUSED → ACTIVE: back on the book with what it has left"
            + " and its current terms. Resuming an active ad answers it as it is.")
    @APIResponse(responseCode = "200", description = "The active ad")
    @APIResponse(responseCode = "404", description = "No such ad of mine")
    @APIResponse(responseCode = "409", description = "The ad is not PAUSED")
    public Uni<AdView> resume(@PathParam("id") UUID id) {
        return lifecycle.resume(caller.id(), id).map(AdView::of);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelAd", summary = "Cancel my ad", description = "PENDING_FUNDING, ACTIVE or PAUSED → CANCELLED: off the book,"
            + " what it still holds is released to my available balance. Cancelling a cancelled ad answers it.")
    @APIResponse(responseCode = "200", description = "The cancelled ad")
    @APIResponse(responseCode = "404", description = "No such ad of mine")
    @APIResponse(responseCode = "409", description = "The ad was rejected")
    public Uni<AdView> cancel(@PathParam("id") UUID id) {
        return lifecycle.cancel(caller.id(), id).map(AdView::of);
    }
}
