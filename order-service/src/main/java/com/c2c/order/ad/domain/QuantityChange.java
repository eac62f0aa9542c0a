package com.c2c.order.ad.domain;

import java.math.BigDecimal;

/**
 * What setting an ad's total quantity to a new value means. The total counts what already traded, so the
 * same total sent again changes nothing (it never tops the ad up). A raise needs the wallet to reserve the
 * difference first (SELL); a cut is only exact while the book does not hold the ad, because only then has
 * every trade the book made on it been counted here.
 */
public sealed interface QuantityChange {
    /** The total is what it already is. */
    record None() implements QuantityChange {
    }

    /** Raise the total by {@code micros}: reserved first (SELL), then on the book or held for the ad. */
    record Raise(long micros) implements QuantityChange {
    }

    /** Lower the total; {@code micros} leaves what the ad holds (released to the owner for a SELL ad). */
    record Cut(long micros) implements QuantityChange {
    }

    /** Not possible now; {@code why} says what to do instead. */
    record Refused(String why) implements QuantityChange {
    }

    /** What the ad's numbers are when the change is asked for. */
    record Counts(AdStatus status, BookPresence presence, long totalMicros, long pendingRaiseMicros, long remainingMicros,
            long tradedMicros) {
    }

    static QuantityChange of(Counts ad, long newTotalMicros) {
        if (newTotalMicros == ad.totalMicros()) {
            return new None();
        }
        if (ad.status() != AdStatus.ACTIVE && ad.status() != AdStatus.PAUSED) {
            return new Refused("ad is " + ad.status() + "; only ACTIVE or PAUSED ads change quantity");
        }
        if (ad.pendingRaiseMicros() > 0) {
            return new Refused("the wallet has not answered the last raise of this ad yet; send it again once it has");
        }
        if (newTotalMicros > ad.totalMicros()) {
            return new Raise(newTotalMicros - ad.totalMicros());
        }
        if (newTotalMicros < ad.tradedMicros()) {
            return new Refused("is less than what the ad already traded (" + usdt(ad.tradedMicros())
                    + " USDT); the total counts what traded");
        }
        if (ad.presence() == BookPresence.LISTED) {
            return new Refused("a lower total needs the ad off the book: pause it first");
        }
        if (ad.presence() == BookPresence.WITHDRAWING) {
            return new Refused("the book has not yet confirmed the pause; send it again in a moment");
        }
        return new Cut(Math.min(ad.remainingMicros(), ad.totalMicros() - newTotalMicros));
    }

    private static String usdt(long micros) {
        return BigDecimal.valueOf(micros, 6).toPlainString();
    }
}
