package com.c2c.order.ad;

import com.c2c.events.FiatAmount;
import com.c2c.events.UsdtAmount;
import com.c2c.events.PaymentMethod;
import com.c2c.order.ad.api.AmendAdRequest;
import com.c2c.order.ad.api.PostAdRequest;
import com.c2c.order.ad.domain.BookBounds;
import com.c2c.order.ad.domain.BookPresence;
import com.c2c.order.ad.domain.Margin;
import com.c2c.order.ad.domain.PriceType;
import com.c2c.order.ad.store.Ad;
import com.c2c.platform.web.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Reading an ad out of a request: every bad field is a 400 naming it, before anything is stored. */
public final class AdRequests {
    static final String ASSET = "USDT";
    static final int DEFAULT_PAYMENT_WINDOW_MINUTES = 15;

    private AdRequests() {
    }

    /** A new ad from the request, not yet priced if it is FLOATING (that needs the reference price). */
    public static Ad newAd(String ownerId, String idempotencyKey, PostAdRequest request) {
        if (!ASSET.equals(request.asset())) {
            throw ProblemException.invalidField("asset", "must be USDT");
        }
        Currency fiat = ProblemException.field("fiat", () -> FiatAmount.currency(request.fiat()));
        Ad ad = new Ad();
        ad.id = UUID.randomUUID();
        ad.ownerId = ownerId;
        ad.idempotencyKey = idempotencyKey;
        ad.fiat = fiat.getCurrencyCode();
        ad.market = FiatAmount.market(ASSET, fiat);
        ad.side = request.side();
        ad.priceType = request.priceType() == null ? PriceType.FIXED : request.priceType();
        if (ad.priceType == PriceType.FIXED) {
            if (request.marginPercent() != null) {
                throw ProblemException.invalidField("marginPercent", "is only for a FLOATING ad");
            }
            if (request.price() == null) {
                throw ProblemException.invalidField("price", "is required for a FIXED ad");
            }
            ad.priceMinor = price(request.price(), fiat);
        } else {
            if (request.price() != null) {
                throw ProblemException.invalidField("price",
                        "is set from the reference price for a FLOATING ad; give marginPercent instead");
            }
            ad.marginBps = margin(request.marginPercent());
        }
        ad.quantityMicros = ProblemException.field("quantity",
                () -> BookBounds.amount(UsdtAmount.toMicros(request.quantity())));
        ad.remainingMicros = ad.quantityMicros;
        ad.minOrderMinor = fiat("minOrder", request.minOrder(), fiat);
        ad.maxOrderMinor = fiat("maxOrder", request.maxOrder(), fiat);
        checkLimits(ad);
        ad.acceptPaymentMethods(request.paymentMethods());
        ad.paymentWindowMinutes = request.paymentWindowMinutes() == null
                ? DEFAULT_PAYMENT_WINDOW_MINUTES
                : request.paymentWindowMinutes();
        ad.announcedWindowMinutes = ad.paymentWindowMinutes;
        ad.terms = blankToNull(request.terms());
        ad.minCompletedTrades = request.minCompletedTrades() == null ? 0 : request.minCompletedTrades();
        ad.bookPresence = BookPresence.OFF;
        ad.createdAt = Instant.now();
        ad.updatedAt = ad.createdAt;
        return ad;
    }

    /** Whether an ad stored under the same Idempotency-Key is what this (retried) request asks for. */
    static boolean sameAd(Ad stored, Ad retry) {
        return stored.side == retry.side && stored.market.equals(retry.market) && stored.priceType == retry.priceType
                && (stored.priceType == PriceType.FLOATING
                        ? Objects.equals(stored.marginBps, retry.marginBps)
                        : stored.priceMinor == retry.priceMinor)
                && stored.quantityMicros == retry.quantityMicros && stored.minOrderMinor == retry.minOrderMinor
                && stored.maxOrderMinor == retry.maxOrderMinor && stored.paymentMethods.equals(retry.paymentMethods)
                && stored.paymentWindowMinutes == retry.paymentWindowMinutes
                && Objects.equals(stored.terms, retry.terms) && stored.minCompletedTrades == retry.minCompletedTrades;
    }

    /**
     * The amendment that turns {@code stored}'s terms into {@code desired}'s (a new ad read from a request
     * for the same side and fiat), or null when they are the same. The quantity is not a term.
     */
    public static AmendAdRequest changes(Ad stored, Ad desired) {
        Currency fiat = Currency.getInstance(stored.fiat);
        boolean retyped = stored.priceType != desired.priceType;
        BigDecimal price = desired.priceType == PriceType.FIXED && (retyped || stored.priceMinor != desired.priceMinor)
                ? FiatAmount.fromMinor(desired.priceMinor, fiat) : null;
        BigDecimal margin = desired.priceType == PriceType.FLOATING
                && (retyped || !Objects.equals(stored.marginBps, desired.marginBps))
                        ? Margin.percentOf(desired.marginBps) : null;
        Integer window = stored.paymentWindowMinutes != desired.paymentWindowMinutes
                ? desired.paymentWindowMinutes : null;
        String terms = Objects.equals(stored.terms, desired.terms) ? null
                : desired.terms == null ? "" : desired.terms;
        BigDecimal minOrder = stored.minOrderMinor != desired.minOrderMinor
                ? FiatAmount.fromMinor(desired.minOrderMinor, fiat) : null;
        BigDecimal maxOrder = stored.maxOrderMinor != desired.maxOrderMinor
                ? FiatAmount.fromMinor(desired.maxOrderMinor, fiat) : null;
        Set<PaymentMethod> methods = stored.paymentMethods.equals(desired.paymentMethods) ? null
                : Set.copyOf(desired.paymentMethodList());
        Integer minTrades = stored.minCompletedTrades != desired.minCompletedTrades
                ? desired.minCompletedTrades : null;
        if (!retyped && price == null && margin == null && window == null && terms == null && minOrder == null
                && maxOrder == null && methods == null && minTrades == null) {
            return null;
        }
        return new AmendAdRequest(retyped ? desired.priceType : null, price, margin, window, terms, minOrder, maxOrder,
                methods, minTrades, null);
    }

    static long price(BigDecimal price, Currency fiat) {
        return ProblemException.field("price", () -> BookBounds.price(FiatAmount.toMinor(price, fiat)));
    }

    static int margin(BigDecimal percent) {
        if (percent == null) {
            throw ProblemException.invalidField("marginPercent", "is required for a FLOATING ad");
        }
        return ProblemException.field("marginPercent", () -> Margin.bpsOf(percent));
    }

    static long fiat(String field, BigDecimal amount, Currency fiat) {
        return ProblemException.field(field, () -> BookBounds.amount(FiatAmount.toMinor(amount, fiat)));
    }

    static void checkLimits(Ad ad) {
        if (ad.maxOrderMinor < ad.minOrderMinor) {
            throw ProblemException.invalidField("maxOrder", "must not be less than minOrder");
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
