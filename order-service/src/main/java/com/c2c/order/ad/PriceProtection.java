package com.c2c.order.ad;

import com.c2c.events.FiatAmount;
import com.c2c.order.ad.domain.PriceBand;
import com.c2c.order.ad.domain.PriceType;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.ad.store.Ad;
import com.c2c.order.ad.store.ReferencePrice;
import com.c2c.platform.web.ProblemException;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * How far from the fiat's reference price an ad may be priced, and how far a taker's express order may
 * fill by default (issue 10, item 6). Both are bands around the reference ({@link PriceBand}); the
 * settings are percentages, checked when the service starts.
 */
@ApplicationScoped
public class PriceProtection {
    private final int adBps;
    private final int takerBps;
    private final BigDecimal adPercent;
    private final BigDecimal takerPercent;

    /** {@code c2c.order.price-protection.*}, in percent (at most 2 decimals, above 0 and below 100). */
    @ConfigMapping(prefix = "c2c.order.price-protection")
    public interface Config {
        /**
         * An ad's FIXED price must lie within this many percent of its fiat's reference price, and a
         * FLOATING ad's margin may be at most this (and at most Margin's ±20). No reference: not checked.
         */
        @WithDefault("20")
        BigDecimal adMaxDeviation();

        /**
         * An express order without a priceLimit fills at most this many percent above (BUY) or below
         * (SELL) the reference price.
         */
        @WithDefault("5")
        BigDecimal takerMaxDeviation();
    }

    PriceProtection(Config config) {
        this.adBps = setting("c2c.order.price-protection.ad-max-deviation", config.adMaxDeviation());
        this.takerBps = setting("c2c.order.price-protection.taker-max-deviation", config.takerMaxDeviation());
        this.adPercent = config.adMaxDeviation().stripTrailingZeros();
        this.takerPercent = config.takerMaxDeviation().stripTrailingZeros();
    }

    /**
     * Refuses (400 naming {@code price} or {@code marginPercent}) an ad priced beyond the band around its
     * fiat's reference price; with no reference price there is nothing to hold it to.
     */
    public void checkAd(Ad ad, ReferencePrice reference) {
        if (reference == null) {
            return;
        }
        if (ad.priceType == PriceType.FLOATING) {
            if (Math.abs(ad.marginBps) > adBps) {
                throw ProblemException.invalidField("marginPercent", "must be between -" + adPercent.toPlainString()
                        + " and " + adPercent.toPlainString() + " (percent): ads are priced within "
                        + adPercent.toPlainString() + " % of the reference price");
            }
            return;
        }
        PriceBand band = new PriceBand(reference.priceMinor, adBps);
        if (!band.contains(ad.priceMinor)) {
            Currency fiat = Currency.getInstance(ad.fiat);
            throw ProblemException.invalidField("price", "must be within " + adPercent.toPlainString()
                    + " % of the reference price " + FiatAmount.fromMinor(reference.priceMinor, fiat).toPlainString()
                    + " " + ad.fiat + ": " + FiatAmount.fromMinor(band.lowest(), fiat).toPlainString() + " to "
                    + FiatAmount.fromMinor(band.highest(), fiat).toPlainString());
        }
    }

    /** The price limit of an express order on {@code side} without one of its own. */
    public long takerLimit(Side side, long referenceMinor) {
        return new PriceBand(referenceMinor, takerBps).worstFor(side);
    }

    /** The taker's default deviation, in percent, for messages. */
    public String takerDeviation() {
        return takerPercent.toPlainString() + " %";
    }

    private static int setting(String key, BigDecimal percent) {
        try {
            return PriceBand.bpsOf(percent);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + " " + e.getMessage(), e);
        }
    }
}
