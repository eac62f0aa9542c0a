package com.c2c.order.taker.api;

import com.c2c.events.PaymentMethod;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.taker.domain.OrderMode;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An express order: the best eligible ad on the other side fills it completely, or it is rejected. */
public record PlaceOrderRequest(
        @NotNull @Schema(example = "BUY", description = "BUY USDT (SELL into BUY ads is not open yet)") Side side,
        @NotNull @Schema(example = "USDT") String asset,
        @NotNull @Schema(example = "CNY") String fiat,
        @NotNull @Schema(example = "EXPRESS_FIAT") OrderMode mode,
        @NotNull @Schema(example = "720.00", description = "fiat to pay (EXPRESS_FIAT) or USDT to receive") BigDecimal amount,
        @NotNull @Schema(example = "ALIPAY") PaymentMethod paymentMethod) {
}
