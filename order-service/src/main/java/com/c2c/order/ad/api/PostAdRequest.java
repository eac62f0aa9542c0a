package com.c2c.order.ad.api;

import com.c2c.events.PaymentMethod;
import com.c2c.order.ad.domain.PriceType;
import com.c2c.order.ad.domain.Side;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A maker's new ad. Decimal amounts are JSON strings or numbers, checked exactly (no rounding). */
public record PostAdRequest(
        @NotNull @Schema(example = "SELL") Side side,
        @NotNull @Schema(example = "USDT", description = "the crypto asset; only USDT today") String asset,
        @NotNull @Schema(example = "CNY", description = "ISO 4217 fiat currency") String fiat,
        @Schema(example = "FIXED", description = "FIXED (default): `price`; FLOATING: the fiat's reference price"
                + " plus `marginPercent`") PriceType priceType,
        @Schema(example = "7.20", description = "fiat per 1 USDT, at most the currency's decimals, within the"
                + " configured band around the fiat's reference price (20 % by default) if it has one; FIXED ads only")
        BigDecimal price,
        @Schema(example = "1.50", description = "percent over the reference price, -20..20 (and within the"
                + " configured band, 20 by default), 2 decimals; FLOATING ads only") BigDecimal marginPercent,
        @NotNull @Schema(example = "1000", description = "USDT offered, at most 6 decimals") BigDecimal quantity,
        @NotNull @Schema(example = "100", description = "smallest taker order, in fiat") BigDecimal minOrder,
        @NotNull @Schema(example = "5000", description = "largest taker order, in fiat") BigDecimal maxOrder,
        @NotEmpty @Schema(example = "[\"ALIPAY\", \"BANK_TRANSFER\"]") Set<PaymentMethod> paymentMethods,
        @Min(5) @Max(180) @Schema(example = "15", description = "minutes the buyer has to pay; default 15") Integer paymentWindowMinutes,
        @Size(max = 1000) @Schema(example = "Alipay only, the payer's name must match") String terms,
        @Min(0) @Schema(example = "0", description = "completed trades a taker needs; default 0") Integer minCompletedTrades) {
}
