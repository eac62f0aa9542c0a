package com.c2c.order.taker.api;

import com.c2c.events.FiatAmount;
import com.c2c.events.UsdtAmount;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.taker.domain.OrderMode;
import com.c2c.order.taker.domain.OrderStatus;
import com.c2c.order.taker.store.TakerOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

public record OrderView(UUID id, String market, Side side, OrderMode mode, BigDecimal amount, String paymentMethod,
        OrderStatus status, String rejectReason, Instant createdAt) {
    public static OrderView of(TakerOrder o) {
        BigDecimal amount = o.mode == OrderMode.EXPRESS_FIAT
                ? FiatAmount.fromMinor(o.amount, Currency.getInstance(o.market.substring(o.market.indexOf('-') + 1)))
                : UsdtAmount.fromMicros(o.amount);
        return new OrderView(o.id, o.market, o.side, o.mode, amount, o.paymentMethod, o.status, o.rejectReason,
                o.createdAt);
    }
}
