package com.c2c.order.taker.api;

import io.quarkus.security.Authenticated;
import com.c2c.order.idempotency.IdempotencyKey;
import com.c2c.order.taker.TakerOrderService;
import com.c2c.order.taker.domain.OrderStatus;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@Path("/api/v1/orders")
@Tag(name = "Orders", description = "Takers' orders against the ads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class OrderResource {
    private final TakerOrderService orders;
    private final Caller caller;

    OrderResource(TakerOrderService orders, Caller caller) {
        this.orders = orders;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "placeOrder", summary = "Place an order", description = "Idempotent by the Idempotency-Key header. EXPRESS_* fill"
            + " at the best eligible ad, AD_* on the ad named by adId. A BUY order goes to the book at once"
            + " (PLACED); a SELL order is PENDING_FUNDING until its USDT is reserved. The book never fills an order"
            + " beyond its price limit (priceLimit, or derived: see the field); an order no ad within it can fill"
            + " ends REJECTED with reason PRICE_LIMIT and a SELL order's USDT released.")
    @APIResponse(responseCode = "201", description = "Placed (BUY) or waiting for its USDT to be reserved (SELL)")
    @APIResponse(responseCode = "200", description = "Already placed under this Idempotency-Key")
    @APIResponse(responseCode = "400", description = "A field or the Idempotency-Key header is invalid (problem names it)")
    @APIResponse(responseCode = "404", description = "The chosen ad does not exist (problem names adId)")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused for a different order, the chosen ad"
            + " is not ACTIVE or priced beyond priceLimit, or an express order without priceLimit in a fiat with no"
            + " reference price (problem names priceLimit)")
    public Uni<Response> place(@HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Valid @NotNull PlaceOrderRequest request) {
        String owner = caller.id();
        return orders.place(owner, IdempotencyKey.required(idempotencyKey), request).map(placed -> Response
                .status(placed.created() ? 201 : 200)
                .location(URI.create("/api/v1/orders/" + placed.value().id))
                .entity(OrderView.of(placed.value())).build());
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelOrder", summary = "Cancel my order", description = "Before it reached the book (PENDING_FUNDING) it is"
            + " CANCELLED at once; once sent (PLACED) the book is asked and answers later (202, CANCEL_REQUESTED):"
            + " it may still have been matched. An Idempotency-Key header is accepted but not needed: cancelling"
            + " again answers the order as it is.")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "202", description = "The book was asked to cancel it")
    @APIResponse(responseCode = "404", description = "No such order of mine")
    @APIResponse(responseCode = "409", description = "Already matched or rejected")
    public Uni<Response> cancel(@HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, @PathParam("id") UUID id) {
        String owner = caller.id();
        IdempotencyKey.optional(idempotencyKey);
        return orders.cancel(owner, id).map(order -> Response
                .status(order.status == OrderStatus.CANCEL_REQUESTED ? 202 : 200)
                .entity(OrderView.of(order)).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMyOrder", summary = "One of my orders, with its trade")
    @APIResponse(responseCode = "200", description = "The order", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "No such order of mine")
    public Uni<OrderView> get(@PathParam("id") UUID id) {
        return orders.mine(caller.id(), id).map(OrderView::of);
    }

    @GET
    @Operation(operationId = "listMyOrders", summary = "My orders with their trades, newest first, by cursor",
            description = "In (createdAt, id) order, newest first. Pass `nextCursor` back as `cursor` for the next,"
                    + " older page; orders placed meanwhile come before it and shift nothing.")
    @APIResponse(responseCode = "200", description = "A page of my orders")
    @APIResponse(responseCode = "400", description = PageParams.REFUSED)
    public Uni<Page<OrderView>> list(@BeanParam PageParams page) {
        return orders.mine(caller.id(), page.after(TimeAndId.class)).map(orders -> orders.map(OrderView::of));
    }
}
