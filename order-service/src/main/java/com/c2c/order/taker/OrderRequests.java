package com.c2c.order.taker;

import com.c2c.events.FiatAmount;
import com.c2c.events.UsdtAmount;
import com.c2c.order.ad.domain.AdStatus;
import com.c2c.order.ad.domain.BookBounds;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.ad.store.AdRows.ChosenAd;
import com.c2c.order.taker.api.PlaceOrderRequest;
import com.c2c.order.taker.domain.OrderMode;
import com.c2c.order.taker.domain.OrderStatus;
import com.c2c.order.taker.domain.PriceLimitSource;
import com.c2c.order.taker.store.TakerOrder;
import com.c2c.platform.web.Problem;
import com.c2c.platform.web.ProblemException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Reading a taker order out of a request: every bad field is a problem naming it, before anything is stored. */
final class OrderRequests {
    private static final String ADID = "adId";

    private OrderRequests() {
    }

    /** The checks that need nothing but the request. */
    static void check(PlaceOrderRequest request) {
        if (!"USDT".equals(request.asset())) {
            throw ProblemException.invalidField("asset", "must be USDT");
        }
        if (request.mode().onChosenAd() && request.adId() == null) {
            throw ProblemException.invalidField(ADID, "is required for mode " + request.mode());
        }
        if (!request.mode().onChosenAd() && request.adId() != null) {
            throw ProblemException.invalidField(ADID,
                    "is only for modes AD_FIAT and AD_QUANTITY; " + request.mode() + " takes the best ad");
        }
        if (!request.mode().onChosenAd() && request.fiat() == null) {
            throw ProblemException.invalidField("fiat", "is required for mode " + request.mode());
        }
        if (request.side() == Side.SELL && request.mode() == OrderMode.EXPRESS_FIAT) {
            throw ProblemException.invalidField("mode", "a SELL order must say how much USDT it sells, so it can be"
                    + " reserved first: use EXPRESS_QUANTITY, or choose an ad (AD_QUANTITY or AD_FIAT)");
        }
    }

    /** An order in {@code market}; {@code ad} is the chosen ad (AD_* modes), already checked, else null. */
    static TakerOrder newOrder(String ownerId, String key, PlaceOrderRequest request, String market, ChosenAd ad) {
        Currency fiat = Currency.getInstance(market.substring(market.indexOf('-') + 1));
        TakerOrder order = new TakerOrder();
        order.id = UUID.randomUUID();
        order.ownerId = ownerId;
        order.idempotencyKey = key;
        order.market = market;
        order.side = request.side();
        order.mode = request.mode();
        order.adId = ad == null ? null : ad.id();
        order.amount = amount(request, fiat);
        order.paymentMethod = request.paymentMethod().name();
        if (request.priceLimit() != null) {
            order.priceLimitMinor = priceLimit(request, fiat);
            order.priceLimitSource = PriceLimitSource.EXPLICIT;
            if (ad != null && !within(order.side, order.priceLimitMinor, ad.priceMinor())) {
                throw new ProblemException(409, "beyond-price-limit", "Conflict with the current state",
                        "the ad's price " + FiatAmount.fromMinor(ad.priceMinor(), fiat).toPlainString() + " " + ad.fiat()
                                + " is beyond the order's priceLimit "
                                + FiatAmount.fromMinor(order.priceLimitMinor, fiat).toPlainString(),
                        List.of(new Problem.FieldError("priceLimit", order.side == Side.BUY
                                ? "is below the ad's price" : "is above the ad's price")));
            }
        } else if (ad != null) {
            // What the taker saw and chose: a maker re-pricing before the book sees the order cannot make it worse.
            order.priceLimitMinor = ad.priceMinor();
            order.priceLimitSource = PriceLimitSource.CHOSEN_AD;
        }
        if (order.side == Side.SELL) {
            order.reservedMicros = order.mode.byFiat() ? BookBounds.quantityFor(order.amount, ad.priceMinor())
                    : order.amount;
            if (order.reservedMicros == 0) {
                throw ProblemException.invalidField("amount", "is too small to sell any USDT at the ad's price");
            }
            order.status = OrderStatus.PENDING_FUNDING;
        } else {
            order.status = OrderStatus.PLACED;
        }
        order.createdAt = Instant.now();
        order.updatedAt = order.createdAt;
        return order;
    }

    static String market(PlaceOrderRequest request) {
        Currency fiat = ProblemException.field("fiat", () -> FiatAmount.currency(request.fiat()));
        return FiatAmount.market("USDT", fiat);
    }

    /** The chosen ad must exist, be ACTIVE, be of the other side and not be the taker's own. */
    static ChosenAd takeable(ChosenAd ad, UUID adId, String takerId, PlaceOrderRequest request) {
        if (ad == null) {
            throw new ProblemException(404, "not-found", "Not found", "ad " + adId + " was not found",
                    List.of(new Problem.FieldError(ADID, "no such ad")));
        }
        if (ad.status() != AdStatus.ACTIVE) {
            throw new ProblemException(409, "ad-not-active", "Conflict with the current state",
                    "ad " + adId + " is " + ad.status() + "; only ACTIVE ads can be taken",
                    List.of(new Problem.FieldError(ADID, "is " + ad.status())));
        }
        if (ad.side() == request.side()) {
            throw ProblemException.invalidField(ADID, "is a " + ad.side() + " ad; a " + request.side()
                    + " order takes a " + (ad.side() == Side.SELL ? Side.BUY : Side.SELL) + " ad");
        }
        if (ad.ownedBy(takerId)) {
            throw ProblemException.invalidField(ADID, "is your own ad; you cannot take it");
        }
        if (request.fiat() != null && !request.fiat().equals(ad.fiat())) {
            throw ProblemException.invalidField("fiat", "must be the ad's fiat " + ad.fiat() + " (or left out)");
        }
        return ad;
    }

    /**
     * Whether an order stored under the same Idempotency-Key is what this (retried) request asks for. A
     * derived price limit is not compared: a retry without {@code priceLimit} asks for the same default,
     * even if the reference price moved since.
     */
    static boolean sameOrder(TakerOrder stored, PlaceOrderRequest retry) {
        if (stored.side != retry.side() || stored.mode != retry.mode() || !Objects.equals(stored.adId, retry.adId())
                || !stored.paymentMethod.equals(retry.paymentMethod().name())
                || (retry.fiat() != null && !retry.fiat().equals(stored.fiat()))
                || (retry.priceLimit() != null) != (stored.priceLimitSource == PriceLimitSource.EXPLICIT)) {
            return false;
        }
        try {
            Currency fiat = Currency.getInstance(stored.fiat());
            return stored.amount == amount(retry, fiat)
                    && (retry.priceLimit() == null || stored.priceLimitMinor == priceLimit(retry, fiat));
        } catch (ProblemException e) {
            return false;
        }
    }

    /** Whether {@code priceMinor} is within a {@code side} taker's limit: a BUY pays at most, a SELL receives at least it. */
    static boolean within(Side side, long limitMinor, long priceMinor) {
        return side == Side.BUY ? priceMinor <= limitMinor : priceMinor >= limitMinor;
    }

    /** The taker's own limit in minor units: positive, at most the fiat's decimals, a price the markets take. */
    private static long priceLimit(PlaceOrderRequest request, Currency fiat) {
        return ProblemException.field("priceLimit", () -> BookBounds.price(FiatAmount.toMinor(request.priceLimit(),
                fiat)));
    }

    private static long amount(PlaceOrderRequest request, Currency fiat) {
        return ProblemException.field("amount", () -> BookBounds.amount(request.mode().byFiat()
                ? FiatAmount.toMinor(request.amount(), fiat)
                : UsdtAmount.toMicros(request.amount())));
    }
}
