package com.c2c.order.maker.api;

import com.c2c.events.FiatAmount;
import com.c2c.events.UsdtAmount;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.trade.MakerTrades;
import com.c2c.order.trade.store.OrderTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** A match of one of the maker's ads by the book: how much of it traded, at what price, when. */
public record FillView(UUID tradeId, UUID adId, String clientAdId, String market, Side side, BigDecimal price,
        BigDecimal quantity, BigDecimal fiatAmount, Instant matchedAt) {

    public static FillView of(MakerTrades.Row row) {
        OrderTrade t = row.trade();
        Currency fiat = Currency.getInstance(t.market.substring(t.market.indexOf('-') + 1));
        return new FillView(t.tradeId, t.makerOrderId, row.clientAdId(), t.market, row.side(),
                t.priceMinor == null ? null : FiatAmount.fromMinor(t.priceMinor, fiat),
                UsdtAmount.fromMicros(t.quantityMicros), FiatAmount.fromMinor(t.fiatAmountMinor, fiat), t.matchedAt);
    }
}
