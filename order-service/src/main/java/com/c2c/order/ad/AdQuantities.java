package com.c2c.order.ad;

import com.c2c.order.ad.domain.QuantityChange;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.ad.store.Ad;
import com.c2c.platform.web.Problem;
import com.c2c.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sets an ad's total quantity (maker API), in the caller's transaction with the ad row locked. The rule is
 * {@link QuantityChange}; the bookkeeping keeps the reservation exact:
 * <ul>
 * <li>A raise of a SELL ad is reserved first: ReserveFunds for the difference, under a command id naming
 * the change ({@code reserve-ad:<id>:topup-<n>}); when the wallet answers FundsReserved the difference
 * becomes remaining like a returned trade's quantity (on the book with AdQuantityRestored when it holds
 * the ad), and a refusal puts the total back (AdBookkeeping). A BUY ad holds no USDT: its raise counts at once.</li>
 * <li>A cut is made only while the book does not hold the ad (every trade it made is counted then): the
 * difference leaves remaining and, for a SELL ad, is released ({@code release-ad:<id>:reduce-<n>}).</li>
 * </ul>
 */
@ApplicationScoped
public class AdQuantities {
    private final AdAnnouncements announce;
    private final AdBookkeeping bookkeeping;

    AdQuantities(AdAnnouncements announce, AdBookkeeping bookkeeping) {
        this.announce = announce;
        this.bookkeeping = bookkeeping;
    }

    /** Sets the total to {@code newTotalMicros}; true if it changed, a 409 naming quantity if it cannot now. */
    public Uni<Boolean> setTotal(Ad ad, long newTotalMicros, long tradedMicros) {
        QuantityChange change = QuantityChange.of(new QuantityChange.Counts(ad.status, ad.bookPresence,
                ad.quantityMicros, ad.pendingTopUpMicros, ad.remainingMicros, tradedMicros), newTotalMicros);
        return switch (change) {
            case QuantityChange.None none -> Uni.createFrom().item(false);
            case QuantityChange.Refused refused -> Uni.createFrom().failure(new ProblemException(409,
                    "quantity-not-changeable", "Conflict with the current state", "quantity " + refused.why(),
                    List.of(new Problem.FieldError("quantity", refused.why()))));
            case QuantityChange.Raise raise -> raise(ad, newTotalMicros, raise.micros()).replaceWith(true);
            case QuantityChange.Cut cut -> cut(ad, newTotalMicros, cut.micros()).replaceWith(true);
        };
    }

    private Uni<Void> raise(Ad ad, long newTotal, long micros) {
        changed(ad, newTotal);
        ad.topUpRejection = null;
        if (ad.side == Side.BUY) {
            return bookkeeping.addToAd(ad, topUpRestoreId(ad), micros);
        }
        ad.pendingTopUpMicros = micros;
        return announce.reserve(ad, topUpCommandId(ad), micros);
    }

    private Uni<Void> cut(Ad ad, long newTotal, long micros) {
        changed(ad, newTotal);
        ad.remainingMicros -= micros;
        return announce.release(ad, "reduce-" + ad.quantityChanges, micros, "AD_QUANTITY_REDUCED");
    }

    private static void changed(Ad ad, long newTotal) {
        ad.quantityMicros = newTotal;
        ad.quantityChanges++;
        ad.updatedAt = Instant.now();
    }

    static String topUpCause(Ad ad) {
        return "topup-" + ad.quantityChanges;
    }

    /** The wallet command of the raise in flight (only one at a time). */
    static String topUpCommandId(Ad ad) {
        return "reserve-ad:" + ad.id + ":" + topUpCause(ad);
    }

    /**
     * The id AdQuantityRestored carries for a raise that goes onto the book. The event was made for a
     * cancelled trade's quantity; the book only adds the quantity to the ad, so it serves a raise as well,
     * named by a stable id derived from the raise's command.
     */
    static UUID topUpRestoreId(Ad ad) {
        return UUID.nameUUIDFromBytes(topUpCommandId(ad).getBytes(StandardCharsets.UTF_8));
    }
}
