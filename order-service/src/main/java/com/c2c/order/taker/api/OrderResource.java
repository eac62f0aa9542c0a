package com.c2c.order.taker.api;

import com.c2c.order.taker.TakerOrderService;
import com.c2c.platform.web.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/orders")
@Tag(name = "Orders", description = "Takers' orders against the ads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {
    private final TakerOrderService orders;
    private final Caller caller;

    OrderResource(TakerOrderService orders, Caller caller) {
        this.orders = orders;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Place an express order", description = "Idempotent by the Idempotency-Key header.")
    @APIResponse(responseCode = "201", description = "Placed and sent to the book")
    @APIResponse(responseCode = "200", description = "Already placed under this Idempotency-Key")
    @APIResponse(responseCode = "400", description = "A field or the Idempotency-Key header is invalid")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused for a different order")
    public Uni<Response> place(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull PlaceOrderRequest request) {
        return orders.place(caller.id(), idempotencyKey, request).map(placed -> Response
                .status(placed.created() ? 201 : 200)
                .location(URI.create("/api/v1/orders/" + placed.order().id))
                .entity(OrderView.of(placed.order())).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my orders")
    @APIResponse(responseCode = "404", description = "No such order of mine")
    public Uni<OrderView> get(@PathParam("id") UUID id) {
        return orders.mine(caller.id(), id).map(OrderView::of);
    }

    @GET
    @Operation(summary = "My orders, newest first")
    public Uni<List<OrderView>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return orders.mine(caller.id(), page, size).map(list -> list.stream().map(OrderView::of).toList());
    }
}
