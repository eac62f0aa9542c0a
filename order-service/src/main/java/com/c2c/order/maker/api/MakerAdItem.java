package com.c2c.order.maker.api;

import com.c2c.events.PaymentMethod;
import com.c2c.order.ad.api.PostAdRequest;
import com.c2c.order.ad.domain.PriceType;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.maker.domain.ClientAdId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One ad as the maker wants it to be: its whole terms and its TOTAL quantity. A field left out takes its
 * default (as when posting), so the item is the ad's complete desired state, not a patch.
 */
public record MakerAdItem(
        @NotNull @Pattern(regexp = ClientAdId.PATTERN, message = "must be 1-64 of A-Z a-z 0-9 . _ -")
        @Schema(example = "cny-sell-1", description = "the maker's own name for the ad, unique per maker, for good")
        String clientAdId,
        @NotNull @Schema(example = "SELL", description = "cannot change once posted") Side side,
        @Schema(example = "USDT", description = "the crypto asset; only USDT (the default)") String asset,
        @NotNull @Schema(example = "CNY", description = "ISO 4217 fiat; cannot change once posted") String fiat,
        @Schema(example = "FIXED", description = "FIXED (default) with `price`, or FLOATING with `marginPercent`")
        PriceType priceType,
        @Schema(example = "7.20", description = "fiat per 1 USDT, within the configured band around the fiat's"
                + " reference price (20 % by default) if it has one; FIXED only") BigDecimal price,
        @Schema(example = "1.50", description = "percent over the reference price, -20..20 and within the band;"
                + " FLOATING only")
        BigDecimal marginPercent,
        @NotNull @Schema(example = "1000", description = "the ad's TOTAL USDT, at most 6 decimals; what already"
                + " traded counts against it, so sending the same total again never adds to the ad") BigDecimal quantity,
        @NotNull @Schema(example = "100", description = "smallest taker order, in fiat") BigDecimal minOrder,
        @NotNull @Schema(example = "5000", description = "largest taker order, in fiat") BigDecimal maxOrder,
        @NotEmpty @Schema(example = "[\"ALIPAY\"]") Set<PaymentMethod> paymentMethods,
        @Min(5) @Max(180) @Schema(example = "15", description = "default 15") Integer paymentWindowMinutes,
        @Size(max = 1000) @Schema(example = "Alipay only") String terms,
        @Min(0) @Schema(example = "0", description = "default 0") Integer minCompletedTrades) {

    public PostAdRequest asPost() {
        return new PostAdRequest(side, asset == null ? "USDT" : asset, fiat, priceType, price, marginPercent, quantity,
                minOrder, maxOrder, paymentMethods, paymentWindowMinutes, terms, minCompletedTrades);
    }
}
