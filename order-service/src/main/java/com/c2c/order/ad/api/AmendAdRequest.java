package com.c2c.order.ad.api;

import com.c2c.events.PaymentMethod;
import com.c2c.order.ad.domain.PriceType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Changes to an ad; a field left out (or null) stays as it is. Price, price type, margin, payment window
 * and terms change while the ad is ACTIVE or PAUSED; the order limits, payment methods and the taker's
 * minimum completed trades only while it is PAUSED. The quantity never changes.
 */
public record AmendAdRequest(
        @Schema(example = "FLOATING") PriceType priceType,
        @Schema(example = "7.25", description = "FIXED ads only; within the configured band around the fiat's"
                + " reference price (20 % by default) if it has one") BigDecimal price,
        @Schema(example = "-0.75", description = "FLOATING ads only") BigDecimal marginPercent,
        @Min(5) @Max(180) @Schema(example = "30") Integer paymentWindowMinutes,
        @Size(max = 1000) @Schema(description = "empty text removes the terms") String terms,
        @Schema(example = "200", description = "only while PAUSED") BigDecimal minOrder,
        @Schema(example = "8000", description = "only while PAUSED") BigDecimal maxOrder,
        @Schema(description = "only while PAUSED") Set<PaymentMethod> paymentMethods,
        @Min(0) @Schema(description = "only while PAUSED") Integer minCompletedTrades,
        @Schema(hidden = true) BigDecimal quantity) {

    public boolean changesLimits() {
        return minOrder != null || maxOrder != null || paymentMethods != null || minCompletedTrades != null;
    }
}
