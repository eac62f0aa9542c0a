package com.c2c.order.ad.api;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SetReferencePriceRequest(
        @NotNull @Schema(example = "7.15", description = "fiat per 1 USDT, at most the currency's decimals") BigDecimal price) {
}
