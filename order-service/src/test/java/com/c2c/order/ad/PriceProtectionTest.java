package com.c2c.order.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.c2c.order.ad.domain.PriceType;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.ad.store.Ad;
import com.c2c.order.ad.store.ReferencePrice;
import com.c2c.platform.web.ProblemException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The band rules without a database, with a narrower ad band than the default so a margin can exceed it. */
class PriceProtectionTest {
    private final PriceProtection protection = new PriceProtection(config("10", "2.5"));

    @Test
    void aFloatingAdsMarginIsHeldToTheBandAndAFixedAdsPriceToo() {
        ReferencePrice reference = reference(1000);
        protection.checkAd(floating(1000), reference);
        protection.checkAd(floating(-1000), reference);
        ProblemException margin = assertThrows(ProblemException.class, () -> protection.checkAd(floating(1001),
                reference));
        assertEquals("marginPercent", margin.toProblem(null).errors().getFirst().field());

        protection.checkAd(fixed(900), reference);
        protection.checkAd(fixed(1100), reference);
        ProblemException price = assertThrows(ProblemException.class, () -> protection.checkAd(fixed(1101),
                reference));
        assertEquals("price", price.toProblem(null).errors().getFirst().field());
        protection.checkAd(fixed(1), null); // no reference price: nothing to hold it to
    }

    @Test
    void theTakersDefaultLimitUsesItsOwnDeviation() {
        assertEquals(1025, protection.takerLimit(Side.BUY, 1000));
        assertEquals(975, protection.takerLimit(Side.SELL, 1000));
    }

    @Test
    void aBadSettingStopsTheService() {
        assertThrows(IllegalStateException.class, () -> new PriceProtection(config("0", "5")));
        assertThrows(IllegalStateException.class, () -> new PriceProtection(config("20", "100")));
    }

    private static PriceProtection.Config config(String ad, String taker) {
        return new PriceProtection.Config() {
            @Override
            public BigDecimal adMaxDeviation() {
                return new BigDecimal(ad);
            }

            @Override
            public BigDecimal takerMaxDeviation() {
                return new BigDecimal(taker);
            }
        };
    }

    private static ReferencePrice reference(long priceMinor) {
        ReferencePrice reference = new ReferencePrice();
        reference.fiat = "EUR";
        reference.priceMinor = priceMinor;
        return reference;
    }

    private static Ad fixed(long priceMinor) {
        Ad ad = new Ad();
        ad.fiat = "EUR";
        ad.priceType = PriceType.FIXED;
        ad.priceMinor = priceMinor;
        return ad;
    }

    private static Ad floating(int marginBps) {
        Ad ad = new Ad();
        ad.fiat = "EUR";
        ad.priceType = PriceType.FLOATING;
        ad.marginBps = marginBps;
        return ad;
    }
}
