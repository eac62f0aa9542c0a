package com.c2c.order.ad;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.events.order.AdAmended;
import com.c2c.events.order.AdListed;
import com.c2c.events.order.AdPosted;
import com.c2c.events.order.AdQuantityRestored;
import com.c2c.events.order.AdWithdrawn;
import com.c2c.events.wallet.ReleaseReservation;
import com.c2c.events.wallet.ReserveFunds;
import com.c2c.order.ad.domain.AdStatus;
import com.c2c.order.ad.domain.BookPresence;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.ad.store.Ad;
import com.c2c.platform.messaging.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * What an ad tells the book (keyed by market, so the engine sees one market's commands in the order they
 * were decided) and the wallet (keyed by owner), each in the transaction that changed the ad, with the
 * ad row locked: two changes of one ad can never reach the outbox in the other order.
 */
@ApplicationScoped
public class AdAnnouncements {
    private final Outbox outbox;

    AdAnnouncements(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A new ad, for the wallet (which reserves a SELL ad's USDT) and escrow (its payment window). */
    Uni<Void> posted(Ad ad) {
        AdPosted event = new AdPosted(ad.id, ad.ownerId, ad.market, ad.side.name(), ad.priceMinor, ad.quantityMicros,
                ad.minOrderMinor, ad.maxOrderMinor, List.of(ad.paymentMethods.split(",")), ad.paymentWindowMinutes);
        return outbox.add(Topics.ORDER_EVENTS, ad.market, EventTypes.AD_POSTED, ad.id.toString(), event)
                .replaceWithVoid();
    }

    /**
     * Lists an ACTIVE ad the book does not hold, with what it has left and its current terms. An ad with
     * nothing left stays off the book (the engine refuses an empty listing) until quantity comes back.
     */
    Uni<Void> listIfActive(Ad ad) {
        if (ad.status != AdStatus.ACTIVE || ad.bookPresence != BookPresence.OFF || ad.remainingMicros == 0) {
            return Uni.createFrom().voidItem();
        }
        ad.bookPresence = BookPresence.LISTED;
        ad.bookPriceMinor = ad.priceMinor;
        ad.priceBeforeAmendmentMinor = ad.priceMinor;
        AdListed listed = new AdListed(ad.id, ad.ownerId, ad.market, ad.side.name(), ad.priceMinor,
                ad.remainingMicros, ad.minOrderMinor, ad.maxOrderMinor, ad.paymentMethodList(),
                ad.minCompletedTrades);
        return toBook(ad, EventTypes.AD_LISTED, listed)
                // A window changed while the ad was off the book has not reached escrow yet.
                .chain(() -> ad.paymentWindowMinutes != ad.announcedWindowMinutes ? amend(ad) : none());
    }

    /**
     * New price and/or payment window for a listed ad; the book keeps the quantity it has. The price the book
     * had is remembered: if the book refuses the new one, the ad goes back to it (AdBookkeeping.refused).
     */
    Uni<Void> amend(Ad ad) {
        ad.announcedWindowMinutes = ad.paymentWindowMinutes;
        ad.priceBeforeAmendmentMinor = ad.bookPriceMinor;
        ad.bookPriceMinor = ad.priceMinor;
        ad.priceRejection = null;
        return toBook(ad, EventTypes.AD_AMENDED, new AdAmended(ad.id, ad.market, ad.priceMinor,
                AdAmended.KEEP_QUANTITY, ad.paymentWindowMinutes));
    }

    /** Takes a listed ad off the book; the book answers with BookQuantityCancelled (what it removed). */
    Uni<Void> withdraw(Ad ad) {
        ad.bookPresence = BookPresence.WITHDRAWING;
        ad.heldOffBookMicros = 0;
        return toBook(ad, EventTypes.AD_WITHDRAWN, new AdWithdrawn(ad.id, ad.market));
    }

    Uni<Void> restore(Ad ad, UUID tradeId, long quantityMicros) {
        return toBook(ad, EventTypes.AD_QUANTITY_RESTORED,
                new AdQuantityRestored(ad.id, ad.market, tradeId, quantityMicros));
    }

    /** Asks the wallet to reserve a raise of a SELL ad's total; it answers FundsReserved or WalletCommandRejected. */
    Uni<Void> reserve(Ad ad, String commandId, long quantityMicros) {
        return outbox.add(Topics.WALLET_COMMANDS, ad.ownerId, EventTypes.RESERVE_FUNDS, ad.id.toString(),
                new ReserveFunds(commandId, ad.id, ad.ownerId, quantityMicros)).replaceWithVoid();
    }

    /**
     * Gives reserved USDT of a SELL ad back to its owner. {@code cause} makes the command id: the same
     * cause is never released twice, and the wallet ignores a command id it has already applied.
     */
    Uni<Void> release(Ad ad, String cause, long quantityMicros, String reason) {
        if (ad.side != Side.SELL || quantityMicros == 0) {
            return none();
        }
        String commandId = "release-ad:" + ad.id + ":" + cause;
        return outbox.add(Topics.WALLET_COMMANDS, ad.ownerId, EventTypes.RELEASE_RESERVATION, ad.id.toString(),
                new ReleaseReservation(commandId, ad.id, ad.ownerId, quantityMicros, reason)).replaceWithVoid();
    }

    private Uni<Void> toBook(Ad ad, String type, Object event) {
        return outbox.add(Topics.ORDER_EVENTS, ad.market, type, ad.id.toString(), event).replaceWithVoid();
    }

    private static Uni<Void> none() {
        return Uni.createFrom().voidItem();
    }
}
