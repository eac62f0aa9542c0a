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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@Path("/api/v1/wallet/withdrawals")
@Tag(name = "Withdrawals", description = "Sending my USDT to an address of mine on a chain (ADR 0014)")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class WithdrawalResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 100;
    static final String EXAMPLE = """
            {"id":"3f1c9a52-8a55-3d3b-9f0e-6a1f0e2b7c11","ownerId":"alice","chainId":31337,
             "toAddress":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8","asset":"USDT","amount":250.5,"fee":1,
             "state":"AWAITING_USER_CONFIRMATION","reason":null,"approvalsRequired":0,"approvedBy":[],
             "cooldownUntil":null,"txHash":null,"createdAt":"2026-12-04T12:00:00Z","updatedAt":"2026-12-04T12:00:00Z"}""";

    private final Withdrawals withdrawals;
    private final WithdrawalQueries queries;
    private final SecondFactor secondFactor;
    private final WithdrawalConfig config;
    private final Caller caller;

    WithdrawalResource(Withdrawals withdrawals, WithdrawalQueries queries, SecondFactor secondFactor,
            WithdrawalConfig config, Caller caller) {
        this.withdrawals = withdrawals;
        this.queries = queries;
        this.secondFactor = secondFactor;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestWithdrawal", summary = "Withdraw USDT to an address on a chain",
            description = "Idempotent by the Idempotency-Key header. Holds amount + the chain's fee (AVAILABLE →"
                    + " WITHDRAWING). To an address I have not confirmed before it waits for my confirmation"
                    + " (AWAITING_USER_CONFIRMATION), then the new-address cool-down (COOLING_DOWN); over the approval"
                    + " threshold it then waits for two admins (AWAITING_APPROVAL); then APPROVED, to be sent.")
    @APIResponse(responseCode = "201", description = "Requested; the hold is on",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WithdrawalView.class), examples = @ExampleObject(name = "new address",
                    value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Already requested under this Idempotency-Key; nothing moved")
    @APIResponse(responseCode = "400", description = "chainId, toAddress, amount or the Idempotency-Key header is"
            + " invalid (named in errors[].field); nothing is held")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "409", description = "Not enough available USDT for amount + fee"
            + " (insufficient-funds), or the Idempotency-Key was used for another withdrawal; nothing is held")
    @APIResponse(responseCode = "422", description = "Over the daily limit of the chain (errors[].field amount);"
            + " nothing is held")
    public Uni<Response> request(
            @HeaderParam(IDEMPOTENCY_KEY) @Parameter(description = "unique per withdrawal, 1.." + MAX_KEY_LENGTH
                    + " characters; a retry sends the same") String idempotencyKey,
            @Valid @NotNull WithdrawalRequest request) {
        String owner = caller.id();
        return withdrawals.request(owner, requiredKey(idempotencyKey), request).map(done -> Response
                .status(done.created() ? 201 : 200)
                .location(URI.create("/api/v1/wallet/withdrawals/" + done.withdrawal().id()))
                .entity(done.withdrawal()).build());
    }

    @GET
    @Operation(operationId = "listMyWithdrawals", summary = "My withdrawals, newest first, by cursor")
    @APIResponse(responseCode = "200", description = "A page of my withdrawals")
    @APIResponse(responseCode = "400", description = PageParams.REFUSED)
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    public Uni<Page<WithdrawalView>> list(@BeanParam PageParams page) {
        return queries.own(caller.id(), page.after(TimeAndId.class));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMyWithdrawal", summary = "One of my withdrawals")
    @APIResponse(responseCode = "200", description = "The withdrawal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WithdrawalView.class), examples = @ExampleObject(name = "new address",
                    value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "404", description = "No such withdrawal of mine")
    public Uni<WithdrawalView> get(@PathParam("id") UUID id) {
        return queries.own(caller.id(), id);
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(operationId = "confirmWithdrawal", summary = "Confirm my withdrawal to a new address (second factor)",
            description = "Needs a token from a sign-in with a one-time code (amr otp) within"
                    + " c2c.wallet.withdrawal.second-factor-max-age. The address becomes known (later withdrawals to"
                    + " it need no confirmation) and the cool-down starts. Repeating it changes nothing.")
    @APIResponse(responseCode = "200", description = "Confirmed: COOLING_DOWN until cooldownUntil")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "No recent second factor (second-factor-required)")
    @APIResponse(responseCode = "404", description = "No such withdrawal of mine")
    @APIResponse(responseCode = "409", description = "The withdrawal does not wait for a confirmation")
    public Uni<WithdrawalView> confirm(@PathParam("id") UUID id) {
        return withdrawals.confirm(caller.id(), id,
                WithdrawalResource.secondFactorCheck(secondFactor, config));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelWithdrawal", summary = "Cancel my withdrawal before it is signed",
            description = "The hold returns to AVAILABLE. Repeating it changes nothing.")
    @APIResponse(responseCode = "200", description = "CANCELLED")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "404", description = "No such withdrawal of mine")
    @APIResponse(responseCode = "409", description = "Already signed, sent or otherwise finished")
    public Uni<WithdrawalView> cancel(@PathParam("id") UUID id) {
        return withdrawals.cancel(caller.id(), id);
    }

    /**
     * Whether the caller shows a recent second factor, read now (while the request is being taken) and refused
     * where the step asks for it: after the withdrawal was found to be the caller's business, so that someone
     * else's is a 404 whatever their token.
     */
    static Runnable secondFactorCheck(SecondFactor secondFactor, WithdrawalConfig config) {
        try {
            secondFactor.requireRecent(config.secondFactorMaxAge());
            return () -> { };
        } catch (ProblemException refused) {
            return () -> {
                throw refused;
            };
        }
    }

    /** The key of a request that creates a withdrawal; missing or malformed is a 400 naming the header. */
    static String requiredKey(String header) {
        if (header == null || header.isBlank() || header.strip().length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalidField(IDEMPOTENCY_KEY,
                    "header is required (1.." + MAX_KEY_LENGTH + " characters, unique per withdrawal)");
        }
        return header.strip();
    }
}
