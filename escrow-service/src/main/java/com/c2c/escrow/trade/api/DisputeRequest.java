package com.c2c.escrow.trade.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A party's dispute of a paid trade. */
public record DisputeRequest(
        @NotBlank @Size(max = 500) @Schema(example = "I paid, the seller does not answer") String reason,
        @Size(max = 4000) @Schema(example = "bank statement, reference 42", description = "text or links; optional")
        String evidence) {
}
