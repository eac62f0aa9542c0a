package com.c2c.order.taker.api;

import com.c2c.events.PaymentMethod;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.taker.domain.OrderMode;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A taker order, filled completely by one ad or rejected: the best eligible ad on the other side
 * (EXPRESS_*) or the ad the taker chose (AD_*, with {@code adId}). A SELL order's USDT is reserved
 * before it reaches the book, so its quantity must be known: EXPRESS_QUANTITY, AD_QUANTITY, or AD_FIAT
 * (the quantity the fiat amount buys at the chosen ad's price). Every order has a price limit the book
 * never fills beyond: {@code priceLimit}, or one derived (see its description).
 */
public record PlaceOrderRequest(
        @NotNull @Schema(example = "BUY", description = "BUY USDT from SELL ads, or SELL USDT into BUY ads") Side side,
        @NotNull @Schema(example = "USDT") String asset,
        @Schema(example = "CNY", description = "required for EXPRESS_*; for AD_* it is the ad's (may be left out)")
        String fiat,
        @NotNull @Schema(example = "EXPRESS_FIAT") OrderMode mode,
        @Schema(description = "the chosen ad, for AD_FIAT and AD_QUANTITY only") UUID adId,
        @NotNull @Schema(example = "720.00", description = "fiat (*_FIAT) or USDT (*_QUANTITY)") BigDecimal amount,
        @NotNull @Schema(example = "ALIPAY") PaymentMethod paymentMethod,
        @Schema(example = "7.30", description = "optional: the worst price (fiat per USDT) the order may fill at:"
                + " for a BUY the most it pays, for a SELL the least it receives; at most the fiat's decimals."
                + " Without it, an EXPRESS_* order is limited to the fiat's reference price plus (BUY) or minus"
                + " (SELL) the configured deviation (5 % by default; 409 if the fiat has no reference price),"
                + " and an AD_* order to the chosen ad's price when the order is placed.")
        BigDecimal priceLimit) {
}
