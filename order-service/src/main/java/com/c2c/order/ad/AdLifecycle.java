package com.c2c.order.ad;

import com.c2c.order.ad.api.AmendAdRequest;
import com.c2c.order.ad.domain.Actor;
import com.c2c.order.ad.domain.AdAction;
import com.c2c.order.ad.domain.AdStatus;
import com.c2c.order.ad.domain.AdTransitions;
import com.c2c.order.ad.domain.Decision;
import com.c2c.order.ad.domain.BookPresence;
import com.c2c.order.ad.domain.PriceType;
import com.c2c.order.ad.store.Ad;
import com.c2c.order.ad.store.ReferencePrice;
import com.c2c.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * The owner's changes to an ad: pause, resume, cancel (the transitions of {@link AdAction}, decided by
 * {@link AdTransitions}) and amend. Each locks the ad row, so it is ordered against the book's and escrow's
 * answers handled by {@link AdBookkeeping}. Repeating the transition that already happened answers the ad
 * as it is; any other transition not allowed from the current status is a 409 naming it. Someone else's
 * ad is not found.
 */
@ApplicationScoped
public class AdLifecycle {
    private final AdAnnouncements announce;
    private final AdMoves moves;
    private final PriceProtection protection;

    AdLifecycle(AdAnnouncements announce, AdMoves moves, PriceProtection protection) {
        this.announce = announce;
        this.moves = moves;
        this.protection = protection;
    }

    /** ACTIVE → PAUSED: off the book; its USDT stays reserved. */
    @WithTransaction
    public Uni<Ad> pause(String ownerId, UUID id) {
        return act(ownerId, id, AdAction.PAUSE);
    }

    /**
     * PAUSED → ACTIVE: back on the book with what it has left and its current terms; if the book has not
     * yet confirmed the pause, when it does (see {@link AdBookkeeping}).
     */
    @WithTransaction
    public Uni<Ad> resume(String ownerId, UUID id) {
        return act(ownerId, id, AdAction.RESUME);
    }

    /**
     * PENDING_FUNDING, ACTIVE or PAUSED → CANCELLED. What the ad still holds is released: at once when the
     * book is known not to hold it, else when the book reports what it removed; a pending ad's
     * reservation when the wallet reports it.
     */
    @WithTransaction
    public Uni<Ad> cancel(String ownerId, UUID id) {
        return act(ownerId, id, AdAction.CANCEL);
    }

    /** The owner's action on one of their ads, in the caller's transaction; someone else's ad is not found. */
    public Uni<Ad> act(String ownerId, UUID id, AdAction action) {
        return Ad.<Ad>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("ad " + id))
                .chain(ad -> act(ad, ownerId, action));
    }

    /** The owner's action on an ad already locked by the caller's transaction. */
    public Uni<Ad> act(Ad ad, String ownerId, AdAction action) {
        return switch (AdTransitions.decide(ad.state(), action, Actor.of(ad.ownerId, ownerId))) {
            case Decision.Move move -> moves.apply(ad, move.action()).replaceWith(ad);
            case Decision.Repeat repeat -> Uni.createFrom().item(ad);
            case Decision.Hidden hidden -> Uni.createFrom().failure(ProblemException.notFound("ad " + ad.id));
            case Decision.Forbidden forbidden -> Uni.createFrom().failure(new ProblemException(403, "forbidden",
                    "Forbidden", forbidden.why(), List.of()));
            case Decision.Conflict conflict -> Uni.createFrom().failure(
                    ProblemException.conflict("ad-transition-not-allowed", conflict.why()));
        };
    }

    /** Changes the ad's terms; a new price or payment window of a listed ad goes to the book as AdAmended. */
    @WithTransaction
    public Uni<Ad> amend(String ownerId, UUID id, AmendAdRequest request) {
        if (request.quantity() != null) {
            throw ProblemException.invalidField("quantity",
                    "cannot change; cancel the ad (its rest is released) and post a new one");
        }
        // The reference row is locked before the ad, in the order a reference price change takes them.
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery("select fiat from Ad where id = :id", String.class)
                        .setParameter("id", id).getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("ad " + id))
                .chain(fiat -> ReferencePrice.<ReferencePrice>findById(fiat, LockModeType.PESSIMISTIC_READ))
                .chain(reference -> owned(ownerId, id).chain(ad -> amendLocked(ad, request, reference)));
    }

    /**
     * Amends an ad the caller's transaction has locked, after the fiat's reference price (share-locked, or
     * null when there is none) as {@link #amend} locks them; the quantity is AdQuantities' to change.
     */
    public Uni<Ad> amendLocked(Ad ad, AmendAdRequest request, ReferencePrice reference) {
        if (ad.status != AdStatus.ACTIVE && ad.status != AdStatus.PAUSED) {
            throw ProblemException.conflict("ad-not-changeable",
                    "ad is " + ad.status + "; only ACTIVE or PAUSED ads can be changed");
        }
        if (request.changesLimits() && ad.status != AdStatus.PAUSED) {
            throw ProblemException.conflict("pause-first", "pause the ad first: minOrder, maxOrder, paymentMethods"
                    + " and minCompletedTrades change only while it is PAUSED (not on the book)");
        }
        long oldPrice = ad.priceMinor;
        int oldWindow = ad.paymentWindowMinutes;
        Currency fiat = Currency.getInstance(ad.fiat);
        reprice(ad, request, reference, fiat);
        if (request.priceType() != null || request.price() != null || request.marginPercent() != null) {
            // A new price is held to the band around the reference as a new ad's is; an unchanged one is
            // not re-judged because the reference moved since.
            protection.checkAd(ad, reference);
        }
        if (request.paymentWindowMinutes() != null) {
            ad.paymentWindowMinutes = request.paymentWindowMinutes();
        }
        if (request.terms() != null) {
            ad.terms = AdRequests.blankToNull(request.terms());
        }
        if (request.minOrder() != null) {
            ad.minOrderMinor = AdRequests.fiat("minOrder", request.minOrder(), fiat);
        }
        if (request.maxOrder() != null) {
            ad.maxOrderMinor = AdRequests.fiat("maxOrder", request.maxOrder(), fiat);
        }
        AdRequests.checkLimits(ad);
        if (request.paymentMethods() != null) {
            if (request.paymentMethods().isEmpty()) {
                throw ProblemException.invalidField("paymentMethods", "must not be empty");
            }
            ad.acceptPaymentMethods(request.paymentMethods());
        }
        if (request.minCompletedTrades() != null) {
            ad.minCompletedTrades = request.minCompletedTrades();
        }
        touch(ad);
        boolean bookSeesIt = ad.priceMinor != oldPrice || ad.paymentWindowMinutes != oldWindow;
        return (bookSeesIt && ad.bookPresence == BookPresence.LISTED ? announce.amend(ad) : none()).replaceWith(ad);
    }

    private static void reprice(Ad ad, AmendAdRequest request, ReferencePrice reference, Currency fiat) {
        PriceType type = request.priceType() != null ? request.priceType() : ad.priceType;
        if (type == PriceType.FIXED) {
            if (request.marginPercent() != null) {
                throw ProblemException.invalidField("marginPercent", "is only for a FLOATING ad");
            }
            if (request.price() != null) {
                ad.priceMinor = AdRequests.price(request.price(), fiat);
            } else if (ad.priceType == PriceType.FLOATING) {
                throw ProblemException.invalidField("price", "is required to make the ad FIXED");
            }
            ad.marginBps = null;
        } else {
            if (request.price() != null) {
                throw ProblemException.invalidField("price",
                        "is set from the reference price for a FLOATING ad; change marginPercent instead");
            }
            if (request.marginPercent() != null || ad.priceType == PriceType.FIXED) {
                ad.marginBps = AdRequests.margin(request.marginPercent());
            }
            if (reference == null) {
                throw ProblemException.conflict("no-reference-price", "there is no reference price for " + ad.fiat
                        + " yet, so a FLOATING ad cannot be priced");
            }
            ad.priceMinor = ReferencePrices.floatingPrice(reference, ad.marginBps);
        }
        ad.priceType = type;
    }

    /** The owner's ad, row-locked for the change; someone else's is not found. */
    private static Uni<Ad> owned(String ownerId, UUID id) {
        return Ad.<Ad>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(ad -> ad != null && ad.ownedBy(ownerId) ? ad : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("ad " + id));
    }

    private static void touch(Ad ad) {
        ad.updatedAt = Instant.now();
    }

    private static Uni<Void> none() {
        return Uni.createFrom().voidItem();
    }
}
