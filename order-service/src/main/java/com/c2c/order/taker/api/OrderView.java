package com.c2c.order.taker.api;

import com.c2c.events.FiatAmount;
import com.c2c.events.UsdtAmount;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.taker.TakerOrderService.OrderWithTrade;
import com.c2c.order.taker.domain.OrderMode;
import com.c2c.order.taker.domain.OrderStatus;
import com.c2c.order.taker.domain.PriceLimitSource;
import com.c2c.order.taker.store.TakerOrder;
import com.c2c.order.trade.domain.TradeStatus;
import com.c2c.order.trade.store.OrderTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/**
 * A taker order as its owner sees it, with its trade once there is one: {@code tradeStatus} OPENED at
 * the match, then escrow's LOCKED, PAID, DISPUTED, and COMPLETED / RESOLVED_RELEASED or CANCELLED /
 * RESOLVED_REFUNDED; {@code price}, {@code quantity} (USDT) and {@code fiatAmount} are the trade's.
 * {@code reserved} is the USDT held for a SELL order. {@code priceLimit} is the worst price the order may
 * fill at (a BUY's most, a SELL's least) and {@code priceLimitSource} where it came from (null for orders
 * placed before price protection).
 */
public record OrderView(UUID id, String market, Side side, OrderMode mode, UUID adId, BigDecimal amount,
        String paymentMethod, BigDecimal priceLimit, PriceLimitSource priceLimitSource, OrderStatus status,
        String rejectReason, BigDecimal reserved, UUID tradeId,
        TradeStatus tradeStatus, Instant paymentDeadline, BigDecimal price, BigDecimal quantity,
        BigDecimal fiatAmount, Instant createdAt, Instant updatedAt) {

    public static OrderView of(TakerOrder o) {
        return of(new OrderWithTrade(o, null));
    }

    public static OrderView of(OrderWithTrade ot) {
        TakerOrder o = ot.order();
        OrderTrade t = ot.trade();
        Currency fiat = Currency.getInstance(o.fiat());
        BigDecimal amount = o.mode.byFiat() ? FiatAmount.fromMinor(o.amount, fiat) : UsdtAmount.fromMicros(o.amount);
        return new OrderView(o.id, o.market, o.side, o.mode, o.adId, amount, o.paymentMethod,
                o.priceLimitMinor == null ? null : FiatAmount.fromMinor(o.priceLimitMinor, fiat), o.priceLimitSource,
                o.status, o.rejectReason,
                o.side == Side.SELL ? UsdtAmount.fromMicros(o.reservedMicros) : null,
                t == null ? null : t.tradeId,
                t == null ? null : t.status,
                t == null ? null : t.paymentDeadline,
                t == null || t.priceMinor == null ? null : FiatAmount.fromMinor(t.priceMinor, fiat),
                t == null ? null : UsdtAmount.fromMicros(t.quantityMicros),
                t == null ? null : FiatAmount.fromMinor(t.fiatAmountMinor, fiat),
                o.createdAt, o.updatedAt);
    }
}
