package com.c2c.wallet.withdrawal.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RejectionRequest(
        @NotBlank @Size(max = 500) @Schema(example = "destination linked to a fraud report",
                description = "why, shown to the owner") String reason) {
}
