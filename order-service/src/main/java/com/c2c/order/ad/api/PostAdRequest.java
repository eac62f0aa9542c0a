package com.c2c.order.ad.api;

import com.c2c.events.PaymentMethod;
import com.c2c.order.ad.domain.Side;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A maker's new ad. Decimal amounts are JSON strings or numbers, checked exactly (no rounding). */
public record PostAdRequest(
        @NotNull @Schema(example = "SELL") Side side,
        @NotNull @Schema(example = "USDT", description = "the crypto asset; only USDT today") String asset,
        @NotNull @Schema(example = "CNY", description = "ISO 4217 fiat currency") String fiat,
        @NotNull @Schema(example = "7.20", description = "fiat per 1 USDT, at most the currency's decimals") BigDecimal price,
        @NotNull @Schema(example = "1000", description = "USDT offered, at most 6 decimals") BigDecimal quantity,
        @NotNull @Schema(example = "100", description = "smallest taker order, in fiat") BigDecimal minOrder,
        @NotNull @Schema(example = "5000", description = "largest taker order, in fiat") BigDecimal maxOrder,
        @NotEmpty @Schema(example = "[\"ALIPAY\", \"BANK_TRANSFER\"]") Set<PaymentMethod> paymentMethods,
        @Min(5) @Max(180) @Schema(example = "15", description = "minutes the buyer has to pay; default 15") Integer paymentWindowMinutes) {
}
