package com.c2c.order.ad;

import com.c2c.events.EventTypes;
import com.c2c.events.FiatAmount;
import com.c2c.events.Topics;
import com.c2c.events.UsdtAmount;
import com.c2c.events.order.AdListed;
import com.c2c.events.order.AdPosted;
import com.c2c.order.ad.api.PostAdRequest;
import com.c2c.order.ad.domain.AdStatus;
import com.c2c.order.ad.domain.Side;
import com.c2c.events.PaymentMethod;
import com.c2c.order.ad.store.Ad;
import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Posting and reading ads. An ad starts PENDING_FUNDING: it reaches the book once its USDT is reserved. */
@ApplicationScoped
public class AdService {
    static final String ASSET = "USDT";
    static final int DEFAULT_PAYMENT_WINDOW_MINUTES = 15;

    private final Outbox outbox;

    AdService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Stores the ad and its {@code AdPosted} event in one transaction. Bad fields fail before anything is written. */
    @WithTransaction
    public Uni<Ad> post(String ownerId, PostAdRequest request) {
        Ad ad = validAd(ownerId, request);
        AdPosted event = new AdPosted(ad.id, ad.ownerId, ad.market, ad.side.name(), ad.priceMinor, ad.quantityMicros,
                ad.minOrderMinor, ad.maxOrderMinor, List.of(ad.paymentMethods.split(",")),
                ad.paymentWindowMinutes);
        if (ad.side == Side.BUY) {
            ad.status = AdStatus.ACTIVE; // a BUY ad holds no USDT: it goes straight to the book
        }
        return ad.<Ad>persist()
                .call(() -> outbox.add(Topics.ORDER_EVENTS, ad.market, EventTypes.AD_POSTED, ad.id.toString(), event))
                .call(() -> ad.status == AdStatus.ACTIVE ? list(ad) : Uni.createFrom().voidItem());
    }

    /** The wallet reserved the ad's USDT: the ad becomes ACTIVE and enters the book. Repeats change nothing. */
    public Uni<Void> fundsReserved(UUID adId) {
        return Ad.<Ad>findById(adId).chain(ad -> {
            if (ad == null || ad.status != AdStatus.PENDING_FUNDING) {
                return Uni.createFrom().voidItem();
            }
            ad.status = AdStatus.ACTIVE;
            return list(ad);
        });
    }

    /** The wallet could not reserve the ad's USDT: the ad is REJECTED and never reaches the book. */
    public Uni<Void> fundsRejected(UUID adId) {
        return Ad.<Ad>findById(adId).invoke(ad -> {
            if (ad != null && ad.status == AdStatus.PENDING_FUNDING) {
                ad.status = AdStatus.REJECTED;
            }
        }).replaceWithVoid();
    }

    private Uni<Void> list(Ad ad) {
        AdListed listed = new AdListed(ad.id, ad.ownerId, ad.market, ad.side.name(), ad.priceMinor, ad.quantityMicros,
                ad.minOrderMinor, ad.maxOrderMinor,
                Arrays.stream(ad.paymentMethods.split(",")).map(PaymentMethod::valueOf).toList(), 0);
        return outbox.add(Topics.ORDER_EVENTS, ad.market, EventTypes.AD_LISTED, ad.id.toString(), listed)
                .replaceWithVoid();
    }

    @WithSession
    public Uni<Ad> find(UUID id) {
        return Ad.<Ad>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("ad " + id));
    }

    private static Ad validAd(String ownerId, PostAdRequest request) {
        if (!ASSET.equals(request.asset())) {
            throw ProblemException.invalidField("asset", "must be USDT");
        }
        Currency fiat = ProblemException.field("fiat", () -> FiatAmount.currency(request.fiat()));
        Ad ad = new Ad();
        ad.id = UUID.randomUUID();
        ad.ownerId = ownerId;
        ad.fiat = fiat.getCurrencyCode();
        ad.market = FiatAmount.market(ASSET, fiat);
        ad.side = request.side();
        ad.priceMinor = ProblemException.field("price", () -> FiatAmount.toMinor(request.price(), fiat));
        ad.quantityMicros = ProblemException.field("quantity", () -> UsdtAmount.toMicros(request.quantity()));
        ad.minOrderMinor = ProblemException.field("minOrder", () -> FiatAmount.toMinor(request.minOrder(), fiat));
        ad.maxOrderMinor = ProblemException.field("maxOrder", () -> FiatAmount.toMinor(request.maxOrder(), fiat));
        if (ad.maxOrderMinor < ad.minOrderMinor) {
            throw ProblemException.invalidField("maxOrder", "must not be less than minOrder");
        }
        ad.paymentMethods = request.paymentMethods().stream().sorted().map(PaymentMethod::name)
                .collect(Collectors.joining(","));
        ad.paymentWindowMinutes = request.paymentWindowMinutes() == null
                ? DEFAULT_PAYMENT_WINDOW_MINUTES
                : request.paymentWindowMinutes();
        ad.status = AdStatus.PENDING_FUNDING;
        ad.createdAt = Instant.now();
        return ad;
    }


}
