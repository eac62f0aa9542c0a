package com.c2c.escrow.trade.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An arbiter's decision on a disputed trade. {@code outcome} is text rather than an enum: Quarkus
 * answers an unknown enum constant with its own body before the platform's problem mappers see it,
 * and a wrong outcome must be a problem naming the field like any other.
 */
public record ResolutionRequest(
        @NotNull @Pattern(regexp = "RELEASE|REFUND", message = "must be RELEASE or REFUND")
        @Schema(enumeration = {"RELEASE", "REFUND"},
                description = "RELEASE: the USDT goes to the buyer; REFUND: it goes back to the seller")
        String outcome,
        @Size(max = 1000) @Schema(example = "checked the statements") String note) {

    public boolean releases() {
        return "RELEASE".equals(outcome);
    }
}
