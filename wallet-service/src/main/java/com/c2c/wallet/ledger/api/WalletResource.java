package com.c2c.wallet.ledger.api;

import io.quarkus.security.Authenticated;
import com.c2c.platform.web.Caller;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageParams;
import com.c2c.wallet.ledger.LedgerQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
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
    @Operation(operationId = "listMyLedgerEntries", summary = "My ledger entries, newest first, by cursor",
            description = "In entry id order, newest first. Pass `nextCursor` back as `cursor` for the next, older page;"
                    + " entries made meanwhile come before it and shift nothing.")
    @APIResponse(responseCode = "200", description = "A page of my ledger entries")
    @APIResponse(responseCode = "400", description = PageParams.REFUSED)
    public Uni<Page<LedgerEntryView>> history(@BeanParam PageParams page) {
        return ledger.history(caller.id(), page.after(LedgerQueries.EntryId.class));
    }
}
