package com.c2c.wallet.ledger.api;

import io.quarkus.security.Authenticated;
import com.c2c.platform.web.Caller;
import com.c2c.wallet.ledger.LedgerQueries;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Read-only views for operators and the end-to-end checks: anyone's balances, and whether the ledger balances. */
@Cancellable(false)
@Path("/api/v1/wallet/admin")
@Tag(name = "Ledger (admin)", description = "Read-only checks of the ledger, for the admin role")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class LedgerAdminResource {
    private final LedgerQueries ledger;
    private final Caller caller;

    LedgerAdminResource(LedgerQueries ledger, Caller caller) {
        this.ledger = ledger;
        this.caller = caller;
    }

    @GET
    @Path("/totals")
    @Operation(operationId = "getLedgerTotals", summary = "Per asset: the sum of all entries (must be 0), balances by account kind, and whether "
            + "the ledger balances (entries sum to 0 and every balance equals its entries)")
    @APIResponse(responseCode = "200", description = "One element per asset the ledger has seen",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AssetTotalsView.class),
                    examples = @ExampleObject(name = "balanced",
                    value = """
                            [{"asset":"USDT","entriesSum":"0.000000","externalFunding":"-1000.000000",
                              "byKind":{"AVAILABLE":"499.500000","RESERVED":"400.000000","LOCKED":"100.000000",
                                        "FEES":"0.500000"},"balanced":true}]""")))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the admin role")
    public Uni<List<AssetTotalsView>> totals() {
        caller.requireRole(Caller.ADMIN);
        return ledger.totals();
    }

    @GET
    @Path("/balances/{ownerId}")
    @Operation(operationId = "getOwnerBalances", summary = "An owner's balances per asset, as they see them at GET /api/v1/wallet/balances")
    @APIResponse(responseCode = "200", description = "Empty when the owner has no accounts yet",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = BalanceView.class),
                    examples = @ExampleObject(name = "seller",
                    value = """
                            [{"asset":"USDT","available":400.000000,"reserved":500.000000,"locked":100.000000,"withdrawing":0.000000,"pending":25.000000}]""")))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the admin role")
    public Uni<List<BalanceView>> balances(@PathParam("ownerId") @Size(max = 64) String ownerId) {
        caller.requireRole(Caller.ADMIN);
        return ledger.balances(ownerId);
    }
}
