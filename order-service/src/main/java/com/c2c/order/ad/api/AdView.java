package com.c2c.order.ad.api;

import com.c2c.events.FiatAmount;
import com.c2c.events.PaymentMethod;
import com.c2c.events.UsdtAmount;
import com.c2c.order.ad.domain.AdStatus;
import com.c2c.order.ad.domain.Margin;
import com.c2c.order.ad.domain.PriceType;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.ad.store.Ad;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * An ad as its owner sees it; amounts as exact decimals. {@code remaining} is what is on the book or
 * held for the ad (USDT); {@code quantity} what it was posted with; {@code priceRejection} why the book
 * refused the last price change (the price went back to the one the book holds), else null.
 */
public record AdView(UUID id, String ownerId, String market, Side side, String fiat, PriceType priceType,
        BigDecimal price, BigDecimal marginPercent, BigDecimal quantity, BigDecimal remaining, BigDecimal minOrder,
        BigDecimal maxOrder, List<PaymentMethod> paymentMethods, int paymentWindowMinutes, String terms,
        int minCompletedTrades, AdStatus status, String priceRejection, Instant createdAt, Instant updatedAt) {

    public static AdView of(Ad ad) {
        Currency fiat = Currency.getInstance(ad.fiat);
        return new AdView(ad.id, ad.ownerId, ad.market, ad.side, ad.fiat, ad.priceType,
                FiatAmount.fromMinor(ad.priceMinor, fiat), ad.marginBps == null ? null : Margin.percentOf(ad.marginBps),
                UsdtAmount.fromMicros(ad.quantityMicros), UsdtAmount.fromMicros(ad.remainingMicros),
                FiatAmount.fromMinor(ad.minOrderMinor, fiat), FiatAmount.fromMinor(ad.maxOrderMinor, fiat),
                ad.paymentMethodList(), ad.paymentWindowMinutes, ad.terms, ad.minCompletedTrades, ad.status,
                ad.priceRejection, ad.createdAt, ad.updatedAt);
    }
}
