package com.c2c.order.ad;

import com.c2c.order.ad.api.PostAdRequest;
import com.c2c.order.ad.domain.PriceType;
import com.c2c.order.ad.store.Ad;
import com.c2c.order.ad.store.ReferencePrice;
import com.c2c.order.idempotency.IdempotencyKey;
import com.c2c.order.idempotency.IdempotentCreation;
import com.c2c.order.idempotency.IdempotentCreation.Outcome;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageAfter;
import com.c2c.platform.web.ProblemException;
import com.c2c.platform.web.TimeAndId;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Posting and reading ads. A SELL ad starts PENDING_FUNDING: it reaches the book once its USDT is reserved. */
@ApplicationScoped
public class AdService {
    private final AdMoves moves;
    private final ReferencePrices references;
    private final PriceProtection protection;

    AdService(AdMoves moves, ReferencePrices references, PriceProtection protection) {
        this.moves = moves;
        this.references = references;
        this.protection = protection;
    }

    /**
     * Stores the ad and its {@code AdPosted} event in one transaction, once per Idempotency-Key. Bad
     * fields fail before anything is written; a FLOATING ad needs its fiat's reference price (409).
     */
    public Uni<Outcome<Ad>> post(String ownerId, IdempotencyKey key, PostAdRequest request) {
        Ad ad = AdRequests.newAd(ownerId, key.value(), request);
        return IdempotentCreation.retryingRace(() -> Panache.withTransaction(() -> postOnce(ad)));
    }

    private Uni<Outcome<Ad>> postOnce(Ad ad) {
        return IdempotentCreation.once(
                Ad.<Ad>find("ownerId = ?1 and idempotencyKey = ?2", ad.ownerId, ad.idempotencyKey).firstResult(),
                stored -> AdRequests.sameAd(stored, ad), "ad",
                () -> priced(ad).chain(this::create));
    }

    /**
     * A FLOATING ad priced from its fiat's reference price (409 without one); either kind refused (400) if
     * priced beyond the band around the reference ({@link PriceProtection}).
     */
    private Uni<Ad> priced(Ad ad) {
        if (ad.priceType == PriceType.FIXED) {
            return ReferencePrice.<ReferencePrice>findById(ad.fiat).map(reference -> {
                protection.checkAd(ad, reference);
                return ad;
            });
        }
        return references.forPricing(ad.fiat).map(reference -> {
            protection.checkAd(ad, reference);
            ad.priceMinor = ReferencePrices.floatingPrice(reference, ad.marginBps);
            return ad;
        });
    }

    private Uni<Ad> create(Ad ad) {
        return moves.post(ad);
    }

    /** Prices and stores a new ad (made by AdRequests.newAd) in the caller's transaction. */
    public Uni<Ad> postInTransaction(Ad ad) {
        return priced(ad).chain(this::create);
    }

    /** One of the owner's ads; someone else's is not found. */
    @WithSession
    public Uni<Ad> mine(String ownerId, UUID id) {
        return Ad.<Ad>findById(id)
                .map(ad -> ad != null && ad.ownedBy(ownerId) ? ad : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("ad " + id));
    }

    /** The owner's ads, newest first: those strictly after the position asked for (served by index ad_owner). */
    @WithSession
    public Uni<Page<Ad>> mine(String ownerId, PageAfter<TimeAndId> ask) {
        TimeAndId after = ask.after();
        String hql = "from Ad a where a.ownerId = :owner" + (after == null ? "" : " and (a.createdAt, a.id) < (:at, :id)")
                + " order by a.createdAt desc, a.id desc";
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Ad.class).setParameter("owner", ownerId);
            if (after != null) {
                query.setParameter("at", after.at()).setParameter("id", after.id());
            }
            return query.setMaxResults(ask.fetch()).getResultList();
        }).map(rows -> ask.page(rows, ad -> new TimeAndId(ad.createdAt, ad.id)));
    }
}
