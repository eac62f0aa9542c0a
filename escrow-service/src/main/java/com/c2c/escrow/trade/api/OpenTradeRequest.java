package com.c2c.escrow.trade.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A match to hold in escrow, as matching-service's TradeMatched will carry it. */
public record OpenTradeRequest(
        @NotBlank @Schema(example = "USDT-CNY") String market,
        @NotBlank @Schema(example = "alice") String buyerId,
        @NotBlank @Schema(example = "merchant1") String sellerId,
        @NotNull @Schema(example = "100", description = "USDT, at most 6 decimals") BigDecimal quantity,
        @NotNull @Schema(example = "7.20", description = "fiat per USDT") BigDecimal price) {
}
