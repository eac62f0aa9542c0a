package com.c2c.order.ad.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantityReturnTest {

    @Test
    void aCancelledTradesQuantityGoesWhereTheAdIs() {
        assertEquals(QuantityReturn.RESTORE_TO_BOOK, QuantityReturn.of(Side.SELL, AdStatus.ACTIVE, BookPresence.LISTED));
        assertEquals(QuantityReturn.RESTORE_TO_BOOK, QuantityReturn.of(Side.BUY, AdStatus.ACTIVE, BookPresence.LISTED));
        // Resumed, but the book has not confirmed the pause yet: it does not hold the ad.
        assertEquals(QuantityReturn.KEEP_FOR_AD, QuantityReturn.of(Side.SELL, AdStatus.ACTIVE, BookPresence.WITHDRAWING));
        assertEquals(QuantityReturn.KEEP_FOR_AD, QuantityReturn.of(Side.SELL, AdStatus.ACTIVE, BookPresence.OFF));
        assertEquals(QuantityReturn.KEEP_FOR_AD, QuantityReturn.of(Side.SELL, AdStatus.PAUSED, BookPresence.WITHDRAWING));
        assertEquals(QuantityReturn.KEEP_FOR_AD, QuantityReturn.of(Side.SELL, AdStatus.PAUSED, BookPresence.OFF));
        assertEquals(QuantityReturn.RELEASE_TO_OWNER,
                QuantityReturn.of(Side.SELL, AdStatus.CANCELLED, BookPresence.WITHDRAWING));
        assertEquals(QuantityReturn.RELEASE_TO_OWNER, QuantityReturn.of(Side.SELL, AdStatus.CANCELLED, BookPresence.OFF));
        assertEquals(QuantityReturn.NOTHING, QuantityReturn.of(Side.BUY, AdStatus.CANCELLED, BookPresence.OFF));
        assertEquals(QuantityReturn.RELEASE_TO_OWNER, QuantityReturn.of(Side.SELL, AdStatus.REJECTED, BookPresence.OFF));
        assertEquals(QuantityReturn.NOTHING, QuantityReturn.of(Side.BUY, AdStatus.REJECTED, BookPresence.OFF));
        assertEquals(QuantityReturn.NOTHING, QuantityReturn.of(Side.SELL, AdStatus.PENDING_FUNDING, BookPresence.OFF));
    }
}
