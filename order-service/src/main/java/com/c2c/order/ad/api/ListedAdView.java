package com.c2c.order.ad.api;

import com.c2c.events.FiatAmount;
import com.c2c.events.PaymentMethod;
import com.c2c.events.UsdtAmount;
import com.c2c.order.ad.domain.Margin;
import com.c2c.order.ad.domain.PriceType;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.ad.store.Ad;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** An ad in a market's public listing: what a taker needs to choose it. */
public record ListedAdView(UUID id, String ownerId, Side side, PriceType priceType, BigDecimal price,
        BigDecimal marginPercent, BigDecimal remaining, BigDecimal minOrder, BigDecimal maxOrder,
        List<PaymentMethod> paymentMethods, int paymentWindowMinutes, String terms, int minCompletedTrades) {

    public static ListedAdView of(Ad ad) {
        Currency fiat = Currency.getInstance(ad.fiat);
        return new ListedAdView(ad.id, ad.ownerId, ad.side, ad.priceType, FiatAmount.fromMinor(ad.priceMinor, fiat),
                ad.marginBps == null ? null : Margin.percentOf(ad.marginBps), UsdtAmount.fromMicros(ad.remainingMicros),
                FiatAmount.fromMinor(ad.minOrderMinor, fiat), FiatAmount.fromMinor(ad.maxOrderMinor, fiat),
                ad.paymentMethodList(), ad.paymentWindowMinutes, ad.terms, ad.minCompletedTrades);
    }
}
