package com.c2c.wallet.funding.api;

import io.quarkus.security.Authenticated;
import com.c2c.platform.web.Caller;
import com.c2c.wallet.funding.FundingService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@Path("/api/v1/wallet/admin/credits")
@Tag(name = "Funding (development)", description = "Admin credits for development and tests, until real deposits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class CreditResource {
    private final FundingService funding;
    private final Caller caller;

    CreditResource(FundingService funding, Caller caller) {
        this.funding = funding;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "creditDevelopmentFunds", summary = "Credit USDT to an owner (development funding; admin role)")
    @APIResponse(responseCode = "201", description = "Credited")
    @APIResponse(responseCode = "200", description = "Already credited under this reference; nothing moved")
    @APIResponse(responseCode = "400", description = "A field is invalid (named in errors[].field)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the admin role")
    @APIResponse(responseCode = "409", description = "Reference reused for a different credit")
    public Uni<Response> credit(@Valid @NotNull CreditRequest request) {
        return funding.credit(caller.requireRole(Caller.ADMIN), request).map(outcome -> Response
                .status(outcome.created() ? 201 : 200)
                .location(URI.create("/api/v1/wallet/admin/credits/" + outcome.credit().id))
                .entity(CreditView.of(outcome.credit())).build());
    }
}
