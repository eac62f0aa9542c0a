package com.c2c.order.ad.api;

import com.c2c.events.FiatAmount;
import com.c2c.order.ad.store.ReferencePrice;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/** A fiat's reference price; {@code repricedAds} (only when it was just set) counts the FLOATING ads it moved. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferencePriceView(String fiat, BigDecimal price, Instant updatedAt, Integer repricedAds) {
    public static ReferencePriceView of(ReferencePrice p, Integer repricedAds) {
        return new ReferencePriceView(p.fiat, FiatAmount.fromMinor(p.priceMinor, Currency.getInstance(p.fiat)),
                p.updatedAt, repricedAds);
    }
}
