package com.c2c.order.maker.api;

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
 * An ad as its maker sees it through the maker API. {@code quantity} is the total; {@code traded} what its
 * trades took (those not cancelled); {@code remaining} what is on the book or held for it; {@code pendingRaise}
 * a raise of the total the wallet has not reserved yet. {@code statusReason} says why the status was set
 * when it was not the maker's doing (HEARTBEAT_MISSED, FUNDS_REJECTED); {@code raiseRejection} why the
 * wallet refused the last raise; {@code priceRejection} why the book refused the
 * last price change (the price went back to the one the book holds).
 */
public record MakerAdView(String clientAdId, UUID id, String market, Side side, String fiat, PriceType priceType,
        BigDecimal price, BigDecimal marginPercent, BigDecimal quantity, BigDecimal remaining, BigDecimal traded,
        BigDecimal pendingRaise, BigDecimal minOrder, BigDecimal maxOrder, List<PaymentMethod> paymentMethods,
        int paymentWindowMinutes, String terms, int minCompletedTrades, AdStatus status, String statusReason,
        String raiseRejection, String priceRejection, Instant createdAt, Instant updatedAt) {

    public static MakerAdView of(Ad ad, long tradedMicros) {
        Currency fiat = Currency.getInstance(ad.fiat);
        return new MakerAdView(ad.clientAdId, ad.id, ad.market, ad.side, ad.fiat, ad.priceType,
                FiatAmount.fromMinor(ad.priceMinor, fiat), ad.marginBps == null ? null : Margin.percentOf(ad.marginBps),
                UsdtAmount.fromMicros(ad.quantityMicros), UsdtAmount.fromMicros(ad.remainingMicros),
                UsdtAmount.fromMicros(tradedMicros), UsdtAmount.fromMicros(ad.pendingTopUpMicros),
                FiatAmount.fromMinor(ad.minOrderMinor, fiat), FiatAmount.fromMinor(ad.maxOrderMinor, fiat),
                ad.paymentMethodList(), ad.paymentWindowMinutes, ad.terms, ad.minCompletedTrades, ad.status,
                ad.statusReason, ad.topUpRejection, ad.priceRejection, ad.createdAt, ad.updatedAt);
    }
}
