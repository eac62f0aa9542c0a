package com.c2c.wallet.custody.api;

import com.c2c.platform.web.Caller;
import com.c2c.wallet.custody.CustodyReports;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The custody report for operators: does the chain hold what the ledger says the platform holds (docs/operations.md). */
@Cancellable(false)
@Path("/api/v1/wallet/custody")
@Tag(name = "Custody (admin)", description = "On-chain balances against the ledger, for the admin role")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CustodyResource {
    private final CustodyReports reports;
    private final Caller caller;

    CustodyResource(CustodyReports reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getCustodyReport", summary = "Per chain: the token balances of the hot wallet and every"
            + " deposit address against the ledger's custody, the difference and what is in flight",
            description = "Every balance of a chain is read at one block (JSON-RPC batches of"
                    + " c2c.wallet.custody.batch-size). difference = onChainTotal - ledgerCustody - uncredited: zero"
                    + " when the chain and the ledger agree; a pending deposit or an outgoing transfer not yet settled"
                    + " explains a difference for a moment (inFlight). reconciled: every difference zero, nothing in"
                    + " flight. Amounts are exact USDT decimals.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CustodyReportView.class),
                    examples = @ExampleObject(name = "reconciled", value = """
                            {"at":"2026-12-04T16:00:00Z","asset":"USDT","reconciled":true,
                             "chains":[{"chainId":31337,"tokenContract":"0x5fbdb2315678afecb367f032d93f642f64180aa3",
                               "block":120,
                               "hotWallet":{"address":"0xa0ee7a142d267c1f36714e4a8f75612f20a79720",
                                 "onChain":"0.000000","ledgerCustody":"0.000000","gasBalance":"9999.99",
                                 "gasWarningBelow":"0.05","gasLow":false},
                               "onChainTotal":"25.000000","ledgerCustody":"25.000000","uncredited":"0.000000",
                               "difference":"0.000000",
                               "inFlight":{"outgoingCount":0,"outgoingTotal":"0.000000","outgoing":[],
                                 "pendingDepositsCount":0,"pendingDepositsTotal":"0.000000"},
                               "addressesRead":3,
                               "addresses":[{"address":"0x1e7a1d4ab7aa4b1fcb3a4b4e2fcf2d5a2a9b1c3d","role":"DEPOSIT",
                                 "ownerId":"alice","onChain":"25.000000","ledgerCustody":"25.000000",
                                 "uncredited":"0.000000","pendingDeposits":"0.000000","difference":"0.000000"}],
                               "addressesNotListed":0,"reconciled":true}],
                             "ledger":{"users":"25.000000","available":"25.000000","reserved":"0.000000",
                               "locked":"0.000000","withdrawing":"0.000000","fees":"0.000000","uncredited":"0.000000",
                               "liabilities":"25.000000","custody":"25.000000","externalFunding":"0.000000",
                               "balanced":true}}""")))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the admin role")
    @APIResponse(responseCode = "503", description = "A chain's node did not answer in time (the problem names the"
            + " chain), or no node is configured for it; Retry-After says when to ask again")
    public Uni<CustodyReportView> report() {
        caller.requireRole(Caller.ADMIN);
        return reports.report();
    }
}
