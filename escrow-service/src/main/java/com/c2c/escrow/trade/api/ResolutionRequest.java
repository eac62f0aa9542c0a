package com.c2c.escrow.trade.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An arbiter's decision on a disputed trade. */
public record ResolutionRequest(
        @NotNull @Schema(description = "RELEASE: the USDT goes to the buyer; REFUND: it goes back to the seller")
        Outcome outcome,
        @Size(max = 1000) @Schema(example = "checked the statements") String note) {

    public enum Outcome {
        RELEASE, REFUND
    }
}
