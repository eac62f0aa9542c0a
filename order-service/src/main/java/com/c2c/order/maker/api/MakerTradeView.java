package com.c2c.order.maker.api;

import com.c2c.events.FiatAmount;
import com.c2c.events.UsdtAmount;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.trade.MakerTrades;
import com.c2c.order.trade.domain.TradeStatus;
import com.c2c.order.trade.store.OrderTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** A trade on one of the maker's ads, with its status as escrow reports it; {@code side} is the ad's (the maker's). */
public record MakerTradeView(UUID tradeId, UUID adId, String clientAdId, String market, Side side,
        TradeStatus status, BigDecimal price, BigDecimal quantity, BigDecimal fiatAmount, String buyerId,
        String sellerId, Instant paymentDeadline, Instant createdAt, Instant updatedAt) {

    public static MakerTradeView of(MakerTrades.Row row) {
        OrderTrade t = row.trade();
        Currency fiat = Currency.getInstance(t.market.substring(t.market.indexOf('-') + 1));
        return new MakerTradeView(t.tradeId, t.makerOrderId, row.clientAdId(), t.market, row.side(), t.status,
                t.priceMinor == null ? null : FiatAmount.fromMinor(t.priceMinor, fiat),
                UsdtAmount.fromMicros(t.quantityMicros), FiatAmount.fromMinor(t.fiatAmountMinor, fiat), t.buyerId,
                t.sellerId, t.paymentDeadline, t.createdAt, t.updatedAt);
    }
}
