package com.c2c.chain.address.api;

import io.quarkus.security.Authenticated;
import com.c2c.chain.address.WatchService;
import com.c2c.platform.web.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@Path("/api/v1/chains/{chainId}/addresses")
@Tag(name = "Watched addresses", description = "Deposit addresses chain-watcher follows (operators)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class WatchedAddressResource {
    private final WatchService watcher;
    private final Caller caller;

    WatchedAddressResource(WatchService watcher, Caller caller) {
        this.watcher = watcher;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "watchAddress", summary = "Watch a deposit address (admin)")
    @APIResponse(responseCode = "201", description = "Now watched")
    @APIResponse(responseCode = "200", description = "Already watched for this owner")
    @APIResponse(responseCode = "409", description = "Watched for another owner")
    public Uni<Response> watch(@PathParam("chainId") @Parameter(example = "31337", description = "EIP-155 chain id")
            long chainId, @Valid @NotNull WatchAddressRequest request) {
        return watcher.watch(caller.requireRole(Caller.ADMIN), chainId, request).map(o -> Response.status(o.created() ? 201 : 200)
                .location(URI.create("/api/v1/chains/" + chainId + "/addresses/" + o.watched().key.address()))
                .entity(WatchedAddressView.of(o.watched())).build());
    }
}
