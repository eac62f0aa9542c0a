package com.c2c.chain.scan.api;

import com.c2c.chain.scan.ChainScanners;
import com.c2c.chain.scan.DepositQueries;
import com.c2c.chain.scan.DepositQueries.DepositPosition;
import com.c2c.chain.scan.domain.DepositState;
import com.c2c.platform.web.Caller;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageParams;
import com.c2c.platform.web.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@Path("/api/v1/chains/{chainId}/deposits")
@Tag(name = "Chains")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DepositResource {
    private final ChainScanners scanners;
    private final DepositQueries queries;
    private final Caller caller;

    DepositResource(ChainScanners scanners, DepositQueries queries, Caller caller) {
        this.scanners = scanners;
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listDeposits", summary = "Deposits seen on a chain, in the order first seen (admin)",
            description = "By cursor. `state=REORGED` lists the confirmed deposits a deep reorg dropped and"
                    + " `state=OVERSIZED` the transfers too large to report: both wait for an operator.")
    @APIResponse(responseCode = "200", description = "A page of deposits")
    @APIResponse(responseCode = "400", description = PageParams.REFUSED + "; or state is not a deposit state, or the"
            + " chain is not followed")
    @APIResponse(responseCode = "401", description = "The request does not say who is calling")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public Uni<Page<DepositView>> list(
            @PathParam("chainId") @Parameter(example = "31337", description = "EIP-155 chain id") long chainId,
            @QueryParam("state") @Parameter(description = "only deposits in this state",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"DETECTED", "CONFIRMED", "REVERTED",
                            "REORGED", "OVERSIZED"})) String state,
            @BeanParam PageParams page) {
        caller.requireRole(Caller.ADMIN);
        if (scanners.status(chainId).isEmpty()) {
            throw ProblemException.invalidField("chainId", "is not a chain this watcher follows");
        }
        DepositState wanted = state == null || state.isBlank() ? null : ProblemException.field("state",
                () -> parse(state));
        return queries.list(chainId, wanted, page.after(DepositPosition.class)).map(p -> p.map(DepositView::of));
    }

    private static DepositState parse(String state) {
        try {
            return DepositState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.toString(DepositState.values()));
        }
    }
}
