package com.c2c.wallet.deposit.api;

import com.c2c.platform.web.Caller;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageParams;
import com.c2c.wallet.deposit.DepositAddressQueries;
import com.c2c.wallet.deposit.DepositAddresses;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The caller's own deposit addresses: one per chain, given on the first ask (ADR 0013). */
@Cancellable(false)
@Path("/api/v1/wallet/deposit-addresses")
@Tag(name = "Deposits", description = "Where to send USDT on chain; deposits show as pending, then available")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class DepositAddressResource {
    private static final String EXAMPLE = """
            {"chainId":31337,"address":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8","assignedAt":"2026-12-04T12:00:00Z"}""";

    private final DepositAddresses addresses;
    private final DepositAddressQueries queries;
    private final Caller caller;

    DepositAddressResource(DepositAddresses addresses, DepositAddressQueries queries, Caller caller) {
        this.addresses = addresses;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "assignDepositAddress", summary = "My deposit address on a chain (given on the first ask)",
            description = "The first call for a chain gives the caller a new address, theirs alone for good; every later"
                    + " call answers the same address. Idempotent by (caller, chain) itself: an Idempotency-Key is"
                    + " accepted but not needed. USDT of the chain's token contract sent there is pending until the"
                    + " chain's confirmation depth, then credited once; below the minimum or another token is never"
                    + " credited.")
    @APIResponse(responseCode = "201", description = "A new address for this caller and chain",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DepositAddressView.class),
                    examples = @ExampleObject(name = "assigned", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The caller's address on this chain, given before",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DepositAddressView.class)))
    @APIResponse(responseCode = "400", description = "chainId missing or not a chain the wallet takes deposits on"
            + " (named in errors[].field)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token carries no owner id (an account not onboarded)")
    public Uni<Response> assign(@Valid @NotNull DepositAddressRequest request,
            @Parameter(in = ParameterIn.HEADER, description = "accepted, not needed: the call is idempotent by itself")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return addresses.assign(caller.id(), request.chainId()).map(assignment -> Response
                .status(assignment.created() ? 201 : 200)
                .entity(DepositAddressView.of(assignment.address())).build());
    }

    @GET
    @Operation(operationId = "listMyDepositAddresses", summary = "My deposit addresses, one per chain, by cursor",
            description = "In chain id order. Pass `nextCursor` back as `cursor` for the next page.")
    @APIResponse(responseCode = "200", description = "A page of my deposit addresses")
    @APIResponse(responseCode = "400", description = PageParams.REFUSED)
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token carries no owner id (an account not onboarded)")
    public Uni<Page<DepositAddressView>> list(@BeanParam PageParams page) {
        return queries.ofOwner(caller.id(), page.after(DepositAddressQueries.ChainPosition.class));
    }
}
