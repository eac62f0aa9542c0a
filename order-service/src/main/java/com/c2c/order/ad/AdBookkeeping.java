package com.c2c.order.ad;

import com.c2c.events.EventTypes;
import com.c2c.order.ad.domain.Actor;
import com.c2c.order.ad.domain.AdAction;
import com.c2c.order.ad.domain.AdStatus;
import com.c2c.order.ad.domain.AdTransitions;
import com.c2c.order.ad.domain.Decision;
import com.c2c.order.ad.domain.BookPresence;
import com.c2c.order.ad.domain.QuantityReturn;
import com.c2c.order.ad.store.Ad;
import com.c2c.order.ad.store.AdRows;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps each ad's {@code remaining} and, for a SELL ad, its reserved USDT exact as the wallet, the book
 * and escrow answer. Every method runs in the consuming event's transaction with the ad row locked, and
 * ignores ids that are not ads (the consumers offer every id to both ads and taker orders).
 *
 * <h2>Why the reservation stays exact</h2>
 * At every moment each micro-unit reserved for a SELL ad is in exactly one place: on the book; in a
 * trade (matched, locked by escrow, possibly refunded back to RESERVED but not yet decided here); or held
 * for the ad off the book ({@code remaining} while the book does not hold it). Quantity moves between
 * them only through these steps, each applied once:
 * <ul>
 * <li>TradeMatched (book → trade): {@code remaining} −q. The book already took it off.</li>
 * <li>TradeCompleted (trade → buyer): leaves the reservation; nothing here.</li>
 * <li>TradeCancelled (trade → back to RESERVED): {@link QuantityReturn} decides: back on the book
 * (AdQuantityRestored) when the book holds the ad, held for the ad when it does not, released when the ad
 * is cancelled. Once per trade ({@code order_trade.ended}).</li>
 * <li>Withdrawal (book → held or released): the book's BookQuantityCancelled says what it removed. That
 * number, plus what was held while the withdrawal was unconfirmed, is what the ad has; a paused ad keeps
 * it, a cancelled one releases it. Applied only while WITHDRAWING, so once per withdrawal.</li>
 * </ul>
 *
 * <h2>Why the order of events cannot break it</h2>
 * <ol>
 * <li>The engine emits an ad's trades before the BookQuantityCancelled of its withdrawal, on the market's
 * partition, which is consumed in order. So when the confirmation arrives, every trade the book made on
 * the ad has been applied, and none can follow until the ad is listed again: a pause or cancel racing a
 * trade is settled by the book's number, not by what this service happened to have seen.</li>
 * <li>Commands about one ad are written to the outbox with the ad row locked, so the book receives them
 * in the order they were decided. A restore decided before the withdrawal was sent reached the book
 * first and is in its count; one decided after it is never sent (the ad is WITHDRAWING) and is added to
 * {@code heldOffBookMicros}, which the confirmation adds to the book's number.</li>
 * <li>A TradeCancelled can be consumed before its TradeMatched (they travel on different topics): +q and
 * −q commute, and a restore sent for it is right, because the book made the trade before escrow could
 * open, let alone cancel, it.</li>
 * <li>A resume while the withdrawal is unconfirmed does not list the ad at once: {@code remaining} may
 * still include quantity the book has traded (the trade is on its way, ahead of the confirmation), and
 * listing it would offer USDT that is locked for that trade. The ad is listed when the confirmation
 * arrives, with the exact quantity.</li>
 * <li>A cancel releases the book's number (ACTIVE), or {@code remaining} when the book is known not to
 * hold the ad (PAUSED and confirmed: all its trades were applied); each trade that ends cancelled later
 * releases its own quantity under a command id naming the trade. A cancel before funding releases the
 * whole quantity if and when the wallet reports it reserved.</li>
 * </ol>
 */
@ApplicationScoped
public class AdBookkeeping {
    private static final Logger LOG = Logger.getLogger(AdBookkeeping.class);
    static final String CANCEL = "cancel";
    /** The engine's reject reason when the market of a command is not open: it never held the ad. */
    static final String MARKET_NOT_OPEN = "MARKET_NOT_OPEN";
    static final String UNKNOWN_ID = "UNKNOWN_ID";
    static final String DUPLICATE_ID = "DUPLICATE_ID";

    private final AdAnnouncements announce;
    private final AdMoves moves;

    AdBookkeeping(AdAnnouncements announce, AdMoves moves) {
        this.announce = announce;
        this.moves = moves;
    }

    /** The wallet reserved the ad's USDT: it goes on the book, unless it was cancelled meanwhile. */
    public Uni<Void> fundsReserved(UUID adId) {
        return locked(adId).chain(ad -> {
            if (ad == null) {
                return none();
            }
            if (AdTransitions.decide(ad.state(), AdAction.FUND, Actor.WALLET) instanceof Decision.Move move) {
                return moves.apply(ad, move.action());
            }
            if (AdTransitions.releasesLateReservation(ad.state())) {
                // Cancelled before funding. Should the wallet answer again for an ad that was listed and
                // cancelled later, the command id is that of its cancel release, which the wallet applied
                // already: a cancelled ad's rest is released once, whichever path named it.
                return announce.release(ad, CANCEL, ad.quantityMicros, "AD_CANCELLED_BEFORE_FUNDING");
            }
            return none();
        });
    }

    /** The wallet could not reserve the ad's USDT: it never reaches the book. */
    public Uni<Void> fundsRejected(UUID adId) {
        return locked(adId).chain(ad -> ad != null
                && AdTransitions.decide(ad.state(), AdAction.REJECT_FUNDING, Actor.WALLET) instanceof Decision.Move move
                        ? moves.apply(ad, move.action())
                        : none());
    }

    /** The book matched {@code quantity} of the ad (TradeMatched with the ad as maker): one statement (AdRows). */
    public Uni<Void> traded(UUID adId, UUID tradeId, long quantity) {
        if (adId == null) {
            return none();
        }
        return AdRows.traded(adId, quantity, java.time.Instant.now()).invoke(before -> {
            if (before != null && quantity > before) {
                LOG.errorf("trade %s takes %d from ad %s which has %d left here; the book's confirmation will"
                        + " correct the count", tradeId, quantity, adId, before);
            }
        }).replaceWithVoid();
    }

    /** One of the ad's trades ended cancelled (any status of TradeCancelled): its quantity comes back. */
    public Uni<Void> tradeReturned(UUID adId, UUID tradeId, long quantity) {
        return locked(adId).chain(ad -> {
            if (ad == null) {
                return none();
            }
            touch(ad);
            return switch (QuantityReturn.of(ad.side, ad.status, ad.bookPresence)) {
                case RESTORE_TO_BOOK, KEEP_FOR_AD -> addToAd(ad, tradeId, quantity);
                case RELEASE_TO_OWNER -> announce.release(ad, tradeId.toString(), quantity,
                        "TRADE_CANCELLED_AFTER_AD_CANCELLED");
                case NOTHING -> none();
            };
        });
    }

    /**
     * The wallet reserved a raise of the ad's total (AdQuantities): it becomes remaining like a returned
     * trade's quantity; an ad cancelled meanwhile releases it. Only the raise in flight counts, once.
     */
    public Uni<Void> topUpReserved(UUID adId, String commandId, long quantity) {
        return locked(adId).chain(ad -> {
            if (ad == null || ad.pendingTopUpMicros == 0 || !AdQuantities.topUpCommandId(ad).equals(commandId)) {
                return none();
            }
            ad.pendingTopUpMicros = 0;
            touch(ad);
            if (ad.status == AdStatus.CANCELLED) {
                return announce.release(ad, AdQuantities.topUpCause(ad), quantity, "AD_CANCELLED");
            }
            return addToAd(ad, AdQuantities.topUpRestoreId(ad), quantity);
        });
    }

    /** The wallet could not reserve the raise: the total goes back to what it was, and the reason is kept. */
    public Uni<Void> topUpRejected(UUID adId, String commandId, String reason, String message) {
        return locked(adId).invoke(ad -> {
            if (ad == null || ad.pendingTopUpMicros == 0 || !AdQuantities.topUpCommandId(ad).equals(commandId)) {
                return;
            }
            ad.quantityMicros -= ad.pendingTopUpMicros;
            ad.pendingTopUpMicros = 0;
            ad.topUpRejection = reason + ": " + message;
            touch(ad);
        }).replaceWithVoid();
    }

    /**
     * Quantity back to (or new for) an ACTIVE or PAUSED ad: on the book at once when the book holds it
     * (AdQuantityRestored, which adds to what the book has), else held for the ad and offered when it is listed.
     */
    Uni<Void> addToAd(Ad ad, UUID restoreId, long quantity) {
        touch(ad);
        ad.remainingMicros += quantity;
        if (ad.bookPresence == BookPresence.LISTED) {
            return announce.restore(ad, restoreId, quantity);
        }
        if (ad.bookPresence == BookPresence.WITHDRAWING) {
            ad.heldOffBookMicros += quantity;
        }
        return announce.listIfActive(ad);
    }

    /** The book removed the ad, reporting what it still had: the withdrawal is confirmed. */
    public Uni<Void> withdrawn(UUID adId, long removedMicros) {
        return locked(adId).chain(ad -> {
            if (ad == null) {
                return none();
            }
            if (ad.bookPresence != BookPresence.WITHDRAWING) {
                LOG.warnf("book removed %d of ad %s which was not being withdrawn (%s); ignored",
                        removedMicros, adId, ad.bookPresence);
                return none();
            }
            long held = removedMicros + ad.heldOffBookMicros;
            if (held != ad.remainingMicros && ad.status != AdStatus.CANCELLED) {
                LOG.warnf("ad %s: the book removed %d and %d was held off the book, but %d was counted here;"
                        + " the book's number wins", adId, removedMicros, ad.heldOffBookMicros, ad.remainingMicros);
            }
            return confirmOffBook(ad, held);
        });
    }

    /**
     * The book refused a command about the ad ({@code command}: the refused input's type, null in records
     * from before it was named). What it means for the ad:
     * <ul>
     * <li>MARKET_NOT_OPEN, UNKNOWN_ID, or any refusal of a listing but DUPLICATE_ID: the book does not hold
     * the ad, so nothing of what order-service counts as on the book is there. A withdrawal on its way ends
     * (a cancelled ad's USDT is released); an amendment or a restore the book could not apply lists the ad
     * again with what it has;</li>
     * <li>a listing refused for its content (a price off the tick, a quantity out of range): the book will
     * never take the ad as it is, so it ends REJECTED with its reserved USDT released, which its owner
     * sees, rather than shown as listed while nobody can fill it;</li>
     * <li>an amendment refused for its content (a price off the tick or out of range): the book still holds
     * the ad at the price it had, so the ad goes back to that price ({@link #amendmentRefused}) and keeps the
     * book's reason ({@code priceRejection}), which its owner sees on the ad;</li>
     * <li>anything else (a duplicate listing): the book still holds the ad as it was; nothing to correct.</li>
     * </ul>
     */
    public Uni<Void> refused(UUID adId, String reason, String command) {
        return locked(adId).chain(ad -> {
            if (ad == null) {
                return none();
            }
            boolean listing = EventTypes.AD_LISTED.equals(command);
            boolean notOnBook = MARKET_NOT_OPEN.equals(reason) || UNKNOWN_ID.equals(reason)
                    || (listing && !DUPLICATE_ID.equals(reason));
            if (EventTypes.AD_AMENDED.equals(command) && !notOnBook) {
                amendmentRefused(ad, reason);
                return none();
            }
            if (!notOnBook || ad.bookPresence == BookPresence.OFF) {
                LOG.warnf("the book refused %s about ad %s (%s, %s); nothing to correct", command, adId, reason,
                        ad.bookPresence);
                return none();
            }
            LOG.warnf("the book refused %s about ad %s (%s): it does not hold the ad", command, adId, reason);
            if (ad.bookPresence == BookPresence.WITHDRAWING) {
                return confirmOffBook(ad, ad.remainingMicros);
            }
            if (MARKET_NOT_OPEN.equals(reason)) {
                ad.bookPresence = BookPresence.OFF; // stays ACTIVE; a pause and resume lists it again
                touch(ad);
                return none();
            }
            if (listing && AdTransitions.decide(ad.state(), AdAction.REFUSE_LISTING, Actor.BOOK)
                    instanceof Decision.Move move) {
                long held = ad.remainingMicros;
                ad.take(move.action());
                ad.bookPresence = BookPresence.OFF;
                ad.remainingMicros = 0;
                ad.heldOffBookMicros = 0;
                return announce.release(ad, "book-refused", held, "AD_REFUSED_BY_BOOK");
            }
            return confirmOffBook(ad, ad.remainingMicros);
        });
    }

    /**
     * The book refused the last amendment of the ad's price and holds it at the price it had: the ad goes back
     * to that price, so what its owner sees and a later listing (after a pause) carry the book's price, not
     * one the book refuses. The amendment refused is taken to be the last one sent (amendments of one ad are
     * sent under its row lock and refused within the engine's batch); should the price have changed since
     * without reaching the book (paused), the newer price stays and is what the next listing carries. An
     * amendment never moves USDT (the book keeps the quantity it has; a raise of the total travels as
     * AdQuantityRestored after the wallet reserved it), so nothing is released here.
     */
    private void amendmentRefused(Ad ad, String reason) {
        LOG.warnf("the book refused the amendment of ad %s (%s); the ad goes back to the price the book holds",
                ad.id, reason);
        ad.priceRejection = reason;
        touch(ad);
        Long bookPrice = ad.priceBeforeAmendmentMinor;
        if (bookPrice != null && ad.bookPriceMinor != null && ad.priceMinor == ad.bookPriceMinor) {
            ad.priceMinor = bookPrice;
            ad.bookPriceMinor = bookPrice;
        }
    }

    /** The book no longer holds the ad, which has {@code held} micro-units: keep, release or list them. */
    private Uni<Void> confirmOffBook(Ad ad, long held) {
        ad.bookPresence = BookPresence.OFF;
        ad.heldOffBookMicros = 0;
        touch(ad);
        if (ad.status == AdStatus.CANCELLED) {
            ad.remainingMicros = 0;
            return announce.release(ad, CANCEL, held, "AD_CANCELLED");
        }
        ad.remainingMicros = held;
        return announce.listIfActive(ad); // resumed while the withdrawal was on its way
    }

    private static Uni<Ad> locked(UUID adId) {
        return adId == null ? Uni.createFrom().nullItem() : Ad.findById(adId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static void touch(Ad ad) {
        ad.updatedAt = java.time.Instant.now();
    }

    private static Uni<Void> none() {
        return Uni.createFrom().voidItem();
    }
}
