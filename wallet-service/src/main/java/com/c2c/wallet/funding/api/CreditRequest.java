package com.c2c.wallet.funding.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreditRequest(
        @NotBlank @Size(max = 64) @Schema(example = "merchant1") String ownerId,
        @NotNull @Schema(example = "USDT") String asset,
        @NotNull @Schema(example = "2500.5", description = "USDT, at most 6 decimals") BigDecimal amount,
        @NotBlank @Size(max = 128) @Schema(example = "seed-2026-11-24-001",
                description = "idempotency key: the same reference credits once") String reference) {
}
