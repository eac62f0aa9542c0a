package com.c2c.order.maker.api;

import io.quarkus.security.Authenticated;
import static com.c2c.order.maker.api.Examples.D400;
import static com.c2c.order.maker.api.Examples.PROBLEM;

import com.c2c.order.maker.MakerAds;
import com.c2c.platform.web.Caller;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageParams;
import com.c2c.platform.web.Problem;
import com.c2c.platform.web.TimeAndId;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The maker API for a liquidity provider's ads, by its own clientAdIds and in bulk. Callers need the
 * merchant role; everything is scoped to the caller (another maker's clientAdId is another ad).
 */
@Cancellable(false)
@Path("/api/v1/maker/ads")
@Tag(name = "Maker API", description = "Liquidity providers (merchant role): ads in bulk, trades, fills, heartbeats")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class MakerAdResource {
    private final MakerAds ads;
    private final Caller caller;

    MakerAdResource(MakerAds ads, Caller caller) {
        this.ads = ads;
        this.caller = caller;
    }

    @PUT
    @Operation(operationId = "upsertMakerAds", summary = "Create or change my ads by clientAdId, in bulk",
            description = "Each item is the ad's whole desired state: its terms and its TOTAL quantity, what"
                    + " already traded counting against it, so sending the same batch again changes nothing"
                    + " (every item answers `unchanged`). Each item is answered on its own, in order: `created`,"
                    + " `updated`, `unchanged`, or `rejected` with a problem (400 a bad field, 409 not possible in"
                    + " the ad's state, e.g. a changed payment method while ACTIVE: pause first); one bad item"
                    + " never fails the others. A new SELL ad waits for its USDT to be reserved (PENDING_FUNDING)."
                    + " Terms change as PATCH /api/v1/ads/{id} changes them (order limits, payment methods and"
                    + " minCompletedTrades only while PAUSED). A higher total of a SELL ad is reserved first"
                    + " (`pendingRaise` until the wallet answers; if it refuses, the total goes back and"
                    + " `raiseRejection` says why); a lower total needs the ad off the book (PAUSED). Side and fiat"
                    + " never change; a cancelled ad's clientAdId is not reused.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UpsertAdsRequest.class),
            examples = @ExampleObject(name = "two ads", value = Examples.UPSERT_REQUEST)))
    @APIResponse(responseCode = "200", description = "One answer per item, in the order sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemsView.class),
                    examples = @ExampleObject(name = "resent batch", value = Examples.ITEMS_RESPONSE)))
    @APIResponse(responseCode = "400", description = D400 + " (items must hold 1..100 ads)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too many", value = Examples.BAD_REQUEST)))
    public Uni<ItemsView> upsert(@Valid @NotNull UpsertAdsRequest request) {
        String owner = caller.requireRole(Caller.MERCHANT);
        return ads.upsert(owner, request.items()).map(ItemsView::new);
    }

    @POST
    @Path("/cancel")
    @Operation(operationId = "cancelMakerAds", summary = "Cancel my ads by clientAdId, in bulk",
            description = "Each named ad goes to CANCELLED (off the book; what it still holds is released). Each"
                    + " is answered on its own: `cancelled`, `unchanged` (it already was), or `rejected` (404 no"
                    + " such ad of mine, 409 a REJECTED ad). Idempotent.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CancelAdsRequest.class),
            examples = @ExampleObject(name = "two ads", value = Examples.CANCEL_REQUEST)))
    @APIResponse(responseCode = "200", description = "One answer per clientAdId, in the order sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemsView.class),
                    examples = @ExampleObject(name = "one unknown", value = Examples.CANCEL_RESPONSE)))
    @APIResponse(responseCode = "400", description = D400 + " (clientAdIds must hold 1..100)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too many", value = Examples.BAD_REQUEST)))
    public Uni<ItemsView> cancel(@Valid @NotNull CancelAdsRequest request) {
        String owner = caller.requireRole(Caller.MERCHANT);
        return ads.cancel(owner, request.clientAdIds()).map(ItemsView::new);
    }

    @POST
    @Path("/resume")
    @Operation(operationId = "resumeMakerAds", summary = "Resume my paused ads by clientAdId, in bulk",
            description = "Each named PAUSED ad goes back on the book with what it has left, e.g. after the"
                    + " dead-man's switch paused it. Answers `updated`, `unchanged` (already ACTIVE), or"
                    + " `rejected` (404, or 409 when not PAUSED). Idempotent.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CancelAdsRequest.class),
            examples = @ExampleObject(name = "two ads", value = Examples.CANCEL_REQUEST)))
    @APIResponse(responseCode = "200", description = "One answer per clientAdId, in the order sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemsView.class)))
    @APIResponse(responseCode = "400", description = D400 + " (clientAdIds must hold 1..100)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too many", value = Examples.BAD_REQUEST)))
    public Uni<ItemsView> resume(@Valid @NotNull CancelAdsRequest request) {
        String owner = caller.requireRole(Caller.MERCHANT);
        return ads.resume(owner, request.clientAdIds()).map(ItemsView::new);
    }

    @POST
    @Path("/cancel-all")
    @Operation(operationId = "cancelAllMakerAds", summary = "Cancel all my open ads (optionally in one market)",
            description = "Every PENDING_FUNDING, ACTIVE or PAUSED ad of mine (named or not) goes to CANCELLED;"
                    + " answers one `cancelled` item per ad it cancelled. Idempotent: a second call finds none.")
    @APIResponse(responseCode = "200", description = "The ads this call cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemsView.class)))
    @APIResponse(responseCode = "400", description = D400 + " (market must be USDT-<fiat>)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<ItemsView> cancelAll(@Parameter(description = "only this market, e.g. USDT-CNY", example = "USDT-CNY")
            @QueryParam("market") @Pattern(regexp = "^USDT-[A-Z]{3}$", message = "must be USDT-<fiat>, e.g. USDT-CNY")
            String market) {
        String owner = caller.requireRole(Caller.MERCHANT);
        return ads.cancelAll(owner, market).map(ItemsView::new);
    }

    @GET
    @Operation(operationId = "listMakerAds", summary = "My ads, oldest first, by cursor",
            description = "All my ads (named by clientAdId or posted at /api/v1/ads) with status, total quantity,"
                    + " remaining and traded, in (createdAt, id) order. Pass `nextCursor` back as `cursor` for the"
                    + " next page; ads created meanwhile come after it, none twice.")
    @APIResponse(responseCode = "200", description = "A page of my ads",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class),
                    examples = @ExampleObject(name = "one ad", value = Examples.ADS_PAGE)))
    @APIResponse(responseCode = "400", description = D400 + ": market, or " + PageParams.REFUSED,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad cursor", value = Examples.BAD_CURSOR)))
    public Uni<Page<MakerAdView>> list(@BeanParam PageParams page,
            @QueryParam("market") @Pattern(regexp = "^USDT-[A-Z]{3}$", message = "must be USDT-<fiat>, e.g. USDT-CNY")
            String market) {
        String owner = caller.requireRole(Caller.MERCHANT);
        return ads.list(owner, market, page.after(TimeAndId.class));
    }
}
