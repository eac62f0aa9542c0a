package com.c2c.wallet.withdrawal.api;

import com.c2c.platform.web.Caller;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageParams;
import com.c2c.platform.web.ProblemException;
import com.c2c.platform.web.SecondFactor;
import com.c2c.platform.web.TimeAndId;
import com.c2c.wallet.withdrawal.WithdrawalQueries;
import com.c2c.wallet.withdrawal.Withdrawals;
import com.c2c.wallet.withdrawal.config.WithdrawalConfig;
import com.c2c.wallet.withdrawal.domain.WithdrawalState;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The admins' side of withdrawals: the queue, approvals and rejections (docs/operations.md). */
@Cancellable(false)
@Path("/api/v1/wallet/admin/withdrawals")
@Tag(name = "Withdrawals (admin)", description = "Approving and rejecting withdrawals, for the admin role")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class WithdrawalAdminResource {
    private final Withdrawals withdrawals;
    private final WithdrawalQueries queries;
    private final SecondFactor secondFactor;
    private final WithdrawalConfig config;
    private final Caller caller;

    WithdrawalAdminResource(Withdrawals withdrawals, WithdrawalQueries queries, SecondFactor secondFactor,
            WithdrawalConfig config, Caller caller) {
        this.withdrawals = withdrawals;
        this.queries = queries;
        this.secondFactor = secondFactor;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listWithdrawals", summary = "Withdrawals in a state, the oldest first, by cursor",
            description = "state=AWAITING_APPROVAL is the approval queue; without state, every withdrawal.")
    @APIResponse(responseCode = "200", description = "A page of withdrawals")
    @APIResponse(responseCode = "400", description = PageParams.REFUSED + "; or state is not a withdrawal state")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the admin role")
    public Uni<Page<WithdrawalView>> list(
            @QueryParam("state") @Parameter(description = "only withdrawals in this state",
                    schema = @Schema(type = SchemaType.STRING, implementation = WithdrawalState.class)) String state,
            @BeanParam PageParams page) {
        caller.requireRole(Caller.ADMIN);
        return queries.inState(state(state), page.after(TimeAndId.class));
    }

    @POST
    @Path("/{id}/approve")
    @Operation(operationId = "approveWithdrawal", summary = "Approve a withdrawal over the threshold (second factor)",
            description = "Two distinct admins approve, neither the requester, each once; each token must come from a"
                    + " sign-in with a one-time code (amr otp) within c2c.wallet.withdrawal.second-factor-max-age."
                    + " The second approval makes it APPROVED.")
    @APIResponse(responseCode = "200", description = "Approved (APPROVED when it was the last approval needed)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not an admin, the admin's own withdrawal (own-withdrawal), or"
            + " no recent second factor (second-factor-required)")
    @APIResponse(responseCode = "404", description = "No such withdrawal")
    @APIResponse(responseCode = "409", description = "This admin approved it already (already-approved), or it does"
            + " not wait for approval")
    public Uni<WithdrawalView> approve(@PathParam("id") UUID id) {
        return withdrawals.approve(caller.requireRole(Caller.ADMIN), id,
                WithdrawalResource.secondFactorCheck(secondFactor, config));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectWithdrawal", summary = "Reject a withdrawal before it is signed",
            description = "The hold returns to the owner's AVAILABLE; the reason is shown to them. Repeating it"
                    + " changes nothing.")
    @APIResponse(responseCode = "200", description = "REJECTED")
    @APIResponse(responseCode = "400", description = "reason is missing or too long")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the admin role")
    @APIResponse(responseCode = "404", description = "No such withdrawal")
    @APIResponse(responseCode = "409", description = "Already signed, sent or otherwise finished")
    public Uni<WithdrawalView> reject(@PathParam("id") UUID id, @Valid @NotNull RejectionRequest request) {
        return withdrawals.reject(caller.requireRole(Caller.ADMIN), id, request.reason());
    }

    private static WithdrawalState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return Arrays.stream(WithdrawalState.values()).filter(s -> s.name().equals(state.strip())).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("state", "must be one of "
                        + Arrays.toString(WithdrawalState.values())));
    }
}
