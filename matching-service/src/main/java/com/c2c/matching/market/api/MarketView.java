package com.c2c.matching.market.api;

import com.c2c.matching.market.store.Market;
import java.math.BigDecimal;
import java.time.Instant;

public record MarketView(String id, String asset, String fiat, BigDecimal tickSize, Instant openedAt) {
    public static MarketView of(Market m) {
        return new MarketView(m.id, m.asset, m.fiat, BigDecimal.valueOf(m.tickMinor, m.fiatScale), m.openedAt);
    }
}
