package com.c2c.order.trade.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TradeStatusOrderTest {

    @Test
    void aTradeOnlyMovesForwardAndStaysFinal() {
        assertTrue(TradeStatus.LOCKED.follows(TradeStatus.OPENED));
        assertTrue(TradeStatus.CANCELLED.follows(TradeStatus.LOCKED));
        assertTrue(TradeStatus.RESOLVED_REFUNDED.follows(TradeStatus.DISPUTED));
        assertFalse(TradeStatus.OPENED.follows(TradeStatus.LOCKED));
        assertFalse(TradeStatus.LOCKED.follows(TradeStatus.PAID));
        assertFalse(TradeStatus.CANCELLED.follows(TradeStatus.COMPLETED));
        assertFalse(TradeStatus.PAID.follows(TradeStatus.CANCELLED));
    }

    @Test
    void theReportedStatusWinsOverTheEventType() {
        assertEquals(TradeStatus.RESOLVED_RELEASED, TradeStatus.reported("RESOLVED_RELEASED", TradeStatus.COMPLETED));
        assertEquals(TradeStatus.COMPLETED, TradeStatus.reported(null, TradeStatus.COMPLETED));
        assertEquals(TradeStatus.CANCELLED, TradeStatus.reported("SOMETHING_NEW", TradeStatus.CANCELLED));
    }
}
