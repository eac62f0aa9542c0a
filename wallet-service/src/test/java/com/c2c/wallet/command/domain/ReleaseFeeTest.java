package com.c2c.wallet.command.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReleaseFeeTest {

    @Test
    void theFeeIsRoundedDownToTheMicroUnit() {
        ReleaseFee tenBps = new ReleaseFee(10);
        assertEquals(100_000, tenBps.of(100_000_000)); // 0.10 % of 100 USDT = 0.1 USDT
        assertEquals(1234, tenBps.of(1_234_567));
        assertEquals(0, tenBps.of(999)); // too small a trade for one micro-unit of fee
        assertEquals(0, new ReleaseFee(0).of(100_000_000));
        assertEquals(10_000_000, new ReleaseFee(1000).of(100_000_000));
    }

    @Test
    void itIsExactlyTheFloorForAnyQuantityEvenWhereTheProductOverflowsALong() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long quantity = i == 0 ? Long.MAX_VALUE : random.nextLong(Long.MAX_VALUE);
            int bps = random.nextInt(ReleaseFee.MAX_BASIS_POINTS + 1);
            long expected = BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(bps))
                    .divide(BigInteger.valueOf(10_000)).longValueExact();
            assertEquals(expected, new ReleaseFee(bps).of(quantity), quantity + " at " + bps + " bps");
        }
    }

    @Test
    void ratesOutsideZeroToTenPercentAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReleaseFee(-1));
        assertThrows(IllegalArgumentException.class, () -> new ReleaseFee(1001));
    }
}
