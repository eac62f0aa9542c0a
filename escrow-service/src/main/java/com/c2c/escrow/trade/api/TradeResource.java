package com.c2c.escrow.trade.api;

import io.quarkus.security.Authenticated;
import com.c2c.escrow.trade.Statement;
import com.c2c.escrow.trade.TradeActions;
import com.c2c.escrow.trade.TradeQueries;
import com.c2c.escrow.trade.domain.TradeAction;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Trades held in escrow and the parties' and arbiters' actions on them. Every action answers 200 with
 * the trade; repeating the action one just took (a retry) answers 200 again and changes nothing, which
 * is why the optional {@value #IDEMPOTENCY_KEY} header is accepted but not needed. Actions without a
 * body (paid, cancel, confirm) take any or no content type: clients send nothing, {@code {}} or JSON.
 */
@Cancellable(false)
@Path("/api/v1/trades")
@Tag(name = "Trades", description = "Trades held in escrow, from the seller's locked USDT to its release or refund")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "The request does not say who is calling")
@Authenticated
public class TradeResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String RETRY_NOTE = "Repeating the same action answers 200 with the trade as it is; "
            + "an Idempotency-Key header is accepted and ignored, since the action itself is idempotent.";

    private final TradeQueries queries;
    private final TradeActions actions;
    private final Caller caller;

    TradeResource(TradeQueries queries, TradeActions actions, Caller caller) {
        this.queries = queries;
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listMyTrades", summary = "My trades, as buyer or seller, newest first, by cursor",
            description = "In (createdAt, id) order, newest first. Pass `nextCursor` back as `cursor` for the next,"
                    + " older page; trades opened meanwhile come before it and shift nothing.")
    @APIResponse(responseCode = "200", description = "A page of my trades")
    @APIResponse(responseCode = "400", description = PageParams.REFUSED)
    public Uni<Page<TradeView>> mine(@BeanParam PageParams page) {
        return queries.of(caller.id(), page.after(TimeAndId.class)).map(trades -> trades.map(TradeView::of));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTrade", summary = "One trade, for its buyer, its seller or an arbiter")
    @APIResponse(responseCode = "200", description = "The trade")
    @APIResponse(responseCode = "404", description = "No such trade (or not yours)")
    public Uni<TradeView> get(@PathParam("id") UUID id) {
        return queries.visibleTo(id, caller.id(), caller.hasRole(Caller.ARBITER)).map(TradeView::of);
    }

    @POST
    @Path("/{id}/paid")
    @Operation(operationId = "markTradePaid", summary = "The buyer has paid the fiat (LOCKED → PAID, before the payment deadline)",
            description = "Starts the seller's confirmation deadline. " + RETRY_NOTE)
    @APIResponse(responseCode = "200", description = "The trade, PAID")
    @APIResponse(responseCode = "403", description = "Only the buyer marks a trade paid")
    @APIResponse(responseCode = "404", description = "No such trade (or not yours)")
    @APIResponse(responseCode = "409", description = "The trade is not LOCKED, or its payment deadline passed")
    public Uni<TradeView> paid(@PathParam("id") UUID id, @HeaderParam(IDEMPOTENCY_KEY) @Parameter(
            description = "optional; ignored") String idempotencyKey) {
        return party(id, TradeAction.MARK_PAID, Statement.NONE);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelTrade", summary = "The buyer cancels before paying (LOCKED → CANCELLED, reason BUYER_CANCELLED)",
            description = "The seller's USDT is refunded; TradeCancelled follows when the wallet did it. " + RETRY_NOTE)
    @APIResponse(responseCode = "200", description = "The trade, CANCELLED")
    @APIResponse(responseCode = "403", description = "Only the buyer cancels")
    @APIResponse(responseCode = "404", description = "No such trade (or not yours)")
    @APIResponse(responseCode = "409", description = "The trade is not LOCKED")
    public Uni<TradeView> cancel(@PathParam("id") UUID id, @HeaderParam(IDEMPOTENCY_KEY) @Parameter(
            description = "optional; ignored") String idempotencyKey) {
        return party(id, TradeAction.CANCEL, Statement.NONE);
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(operationId = "confirmTrade", summary = "The seller received the fiat (PAID → COMPLETED)",
            description = "The USDT is released to the buyer minus the fee; TradeCompleted follows when the wallet "
                    + "did it. " + RETRY_NOTE)
    @APIResponse(responseCode = "200", description = "The trade, COMPLETED")
    @APIResponse(responseCode = "403", description = "Only the seller confirms")
    @APIResponse(responseCode = "404", description = "No such trade (or not yours)")
    @APIResponse(responseCode = "409", description = "The trade is not PAID")
    public Uni<TradeView> confirm(@PathParam("id") UUID id, @HeaderParam(IDEMPOTENCY_KEY) @Parameter(
            description = "optional; ignored") String idempotencyKey) {
        return party(id, TradeAction.CONFIRM, Statement.NONE);
    }

    @POST
    @Path("/{id}/dispute")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "disputeTrade", summary = "The buyer or the seller asks an arbiter to decide (PAID → DISPUTED)",
            description = RETRY_NOTE)
    @APIResponse(responseCode = "200", description = "The trade, DISPUTED")
    @APIResponse(responseCode = "400", description = "reason missing or too long, or evidence too long")
    @APIResponse(responseCode = "404", description = "No such trade (or not yours)")
    @APIResponse(responseCode = "409", description = "The trade is not PAID")
    public Uni<TradeView> dispute(@PathParam("id") UUID id, @HeaderParam(IDEMPOTENCY_KEY) @Parameter(
            description = "optional; ignored") String idempotencyKey, @Valid @NotNull DisputeRequest request) {
        return party(id, TradeAction.DISPUTE, new Statement(request.reason().strip(), request.evidence()));
    }

    @POST
    @Path("/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resolveDispute", summary = "An arbiter decides a dispute (DISPUTED → RESOLVED_RELEASED or RESOLVED_REFUNDED)",
            description = "RELEASE sends the USDT to the buyer, REFUND back to the seller; TradeCompleted or "
                    + "TradeCancelled follows when the wallet did it. " + RETRY_NOTE)
    @APIResponse(responseCode = "200", description = "The trade, resolved")
    @APIResponse(responseCode = "400", description = "outcome missing or unknown, or note too long")
    @APIResponse(responseCode = "403", description = "Not an arbiter, or a party to this trade")
    @APIResponse(responseCode = "404", description = "No such trade")
    @APIResponse(responseCode = "409", description = "The trade is not DISPUTED (or was resolved the other way)")
    public Uni<TradeView> resolve(@PathParam("id") UUID id, @HeaderParam(IDEMPOTENCY_KEY) @Parameter(
            description = "optional; ignored") String idempotencyKey, @Valid @NotNull ResolutionRequest request) {
        String arbiter = caller.requireRole(Caller.ARBITER);
        TradeAction action = switch (request.outcome()) {
            case RELEASE -> TradeAction.RELEASE;
            case REFUND -> TradeAction.REFUND;
        };
        return actions.act(id, arbiter, true, action, new Statement(request.note(), null)).map(TradeView::of);
    }

    private Uni<TradeView> party(UUID id, TradeAction action, Statement statement) {
        return actions.act(id, caller.id(), caller.hasRole(Caller.ARBITER), action, statement).map(TradeView::of);
    }
}
