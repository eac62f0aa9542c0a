package com.c2c.order.ad;

import com.c2c.order.ad.domain.Actor;
import com.c2c.order.ad.domain.AdAction;
import com.c2c.order.ad.domain.AdState;
import com.c2c.order.ad.domain.AdStatus;
import com.c2c.order.ad.domain.AdTransitions;
import com.c2c.order.ad.domain.Announcement;
import com.c2c.order.ad.domain.Decision;
import com.c2c.order.ad.domain.BookPresence;
import com.c2c.order.ad.store.Ad;
import com.c2c.order.stream.FeedEvent;
import com.c2c.order.stream.OwnerFeed;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Carries out a transition {@link com.c2c.order.ad.domain.AdTransitions} decided: the ad's new status,
 * then what the action's row of the table says happens to the book and to the USDT the ad holds. Runs in
 * the caller's transaction with the ad row locked (a new ad: before anyone else can see it).
 */
@ApplicationScoped
public class AdMoves {
    private final AdAnnouncements announce;
    private final OwnerFeed feed;

    AdMoves(AdAnnouncements announce, OwnerFeed feed) {
        this.announce = announce;
        this.feed = feed;
    }

    /** Takes a decided action on a stored ad. */
    public Uni<Void> apply(Ad ad, AdAction action) {
        AdStatus from = ad.status;
        ad.take(action);
        // The owner's stream hears of every status an ad takes, from the transaction that takes it.
        Uni<Void> told = from == ad.status ? none() : feed.append(ad.ownerId, FeedEvent.AdStatusChanged.of(ad));
        return told.chain(() -> effects(ad, action, from));
    }

    /** Stores a new ad in the status its side starts in, with what posting it announces. */
    public Uni<Ad> post(Ad ad) {
        AdAction action = AdTransitions.posting(ad.side);
        if (!(AdTransitions.decide(AdState.NEW, action, Actor.OWNER) instanceof Decision.Move)) {
            throw new IllegalStateException(action + " is not how a new ad is posted");
        }
        ad.take(action);
        return ad.<Ad>persist()
                .call(() -> feed.append(ad.ownerId, FeedEvent.AdStatusChanged.of(ad)))
                .call(() -> effects(ad, action, null));
    }

    private Uni<Void> effects(Ad ad, AdAction action, AdStatus from) {
        Uni<Void> announced = action.announcement() == Announcement.AD_POSTED ? announce.posted(ad) : none();
        return announced.chain(() -> book(ad, action)).chain(() -> funds(ad, action, from));
    }

    private Uni<Void> book(Ad ad, AdAction action) {
        return switch (action.book()) {
            case LIST -> announce.listIfActive(ad);
            case WITHDRAW -> ad.bookPresence == BookPresence.LISTED ? announce.withdraw(ad) : none();
            case NONE -> none();
        };
    }

    private Uni<Void> funds(Ad ad, AdAction action, AdStatus from) {
        switch (action.funds()) {
            case FORGET:
                ad.remainingMicros = 0;
                return none();
            case RELEASE_REST:
                if (from == AdStatus.PENDING_FUNDING) {
                    // Released in full if and when the wallet reports the reservation (AdBookkeeping).
                    ad.remainingMicros = 0;
                    return none();
                }
                if (ad.bookPresence != BookPresence.OFF) {
                    return none(); // released when the book reports what it removed
                }
                long held = ad.remainingMicros;
                ad.remainingMicros = 0;
                return announce.release(ad, AdBookkeeping.CANCEL, held, "AD_CANCELLED");
            default:
                return none(); // RESERVE: the wallet reserves when it reads AdPosted
        }
    }

    private static Uni<Void> none() {
        return Uni.createFrom().voidItem();
    }
}
