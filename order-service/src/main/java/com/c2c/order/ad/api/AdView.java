package com.c2c.order.ad.api;

import com.c2c.events.FiatAmount;
import com.c2c.events.UsdtAmount;
import com.c2c.order.ad.domain.AdStatus;
import com.c2c.events.PaymentMethod;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.ad.store.Ad;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** An ad as its owner and takers see it; amounts as exact decimals. */
public record AdView(UUID id, String ownerId, String market, Side side, String fiat, BigDecimal price,
        BigDecimal quantity, BigDecimal minOrder, BigDecimal maxOrder, List<PaymentMethod> paymentMethods,
        int paymentWindowMinutes, AdStatus status, Instant createdAt) {

    public static AdView of(Ad ad) {
        Currency fiat = Currency.getInstance(ad.fiat);
        return new AdView(ad.id, ad.ownerId, ad.market, ad.side, ad.fiat, FiatAmount.fromMinor(ad.priceMinor, fiat),
                UsdtAmount.fromMicros(ad.quantityMicros), FiatAmount.fromMinor(ad.minOrderMinor, fiat),
                FiatAmount.fromMinor(ad.maxOrderMinor, fiat),
                Arrays.stream(ad.paymentMethods.split(",")).map(PaymentMethod::valueOf).toList(),
                ad.paymentWindowMinutes, ad.status, ad.createdAt);
    }
}
