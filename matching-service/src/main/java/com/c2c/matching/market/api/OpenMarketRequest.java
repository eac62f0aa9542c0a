package com.c2c.matching.market.api;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record OpenMarketRequest(
        @NotNull @Schema(example = "USDT") String asset,
        @NotNull @Schema(example = "CNY", description = "ISO 4217 fiat currency") String fiat,
        @NotNull @Schema(example = "0.01", description = "smallest price step, in fiat") BigDecimal tickSize) {
}
