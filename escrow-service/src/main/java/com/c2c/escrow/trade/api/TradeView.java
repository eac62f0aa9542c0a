package com.c2c.escrow.trade.api;

import com.c2c.escrow.trade.domain.TradeStatus;
import com.c2c.escrow.trade.store.Trade;
import com.c2c.events.FiatAmount;
import com.c2c.events.UsdtAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

public record TradeView(UUID id, String market, String buyerId, String sellerId, BigDecimal quantity,
        BigDecimal price, BigDecimal fiatAmount, TradeStatus status, Instant openedAt) {
    public static TradeView of(Trade t) {
        Currency fiat = Currency.getInstance(t.market.substring(t.market.indexOf('-') + 1));
        return new TradeView(t.id, t.market, t.buyerId, t.sellerId, UsdtAmount.fromMicros(t.quantityMicros),
                FiatAmount.fromMinor(t.priceMinor, fiat), FiatAmount.fromMinor(t.fiatAmountMinor, fiat), t.status,
                t.openedAt);
    }
}
