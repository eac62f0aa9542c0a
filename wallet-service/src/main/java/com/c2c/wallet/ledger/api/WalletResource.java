package com.c2c.wallet.ledger.api;

import io.quarkus.security.Authenticated;
import com.c2c.platform.web.Caller;
import com.c2c.platform.web.Paging;
import com.c2c.wallet.ledger.LedgerQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/wallet")
@Tag(name = "Wallet", description = "The caller's balances and ledger")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class WalletResource {
    private final LedgerQueries ledger;
    private final Caller caller;

    WalletResource(LedgerQueries ledger, Caller caller) {
        this.ledger = ledger;
        this.caller = caller;
    }

    @GET
    @Path("/balances")
    @Operation(operationId = "getMyBalances", summary = "My balances per asset: available, reserved for ads, locked in trades")
    public Uni<List<BalanceView>> balances() {
        return ledger.balances(caller.id());
    }

    @GET
    @Path("/ledger")
    @Operation(operationId = "listMyLedgerEntries", summary = "My ledger entries, newest first", description = "Pages of 1..200 entries, 50 by default.")
    @APIResponse(responseCode = "200", description = "My ledger entries, one page", content = @Content(schema = @Schema(implementation = LedgerEntryView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "page or size is out of bounds (problem names it)")
    public Uni<List<LedgerEntryView>> history(@BeanParam Paging paging) {
        return ledger.history(caller.id(), paging.within(50, 200));
    }
}
