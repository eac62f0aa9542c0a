package com.c2c.order.stream.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeedPositionTest {

    @Test
    void anEventIdRoundTripsAndOrdersByTransactionThenSequence() {
        FeedPosition p = new FeedPosition(7421, 1093);
        assertEquals("7421-1093", p.eventId());
        assertEquals(p, FeedPosition.parse("7421-1093").orElseThrow());
        // A smaller sequence in a later transaction comes after: transaction order decides.
        List<FeedPosition> sorted = List.of(new FeedPosition(9, 1), new FeedPosition(8, 50), new FeedPosition(9, 0))
                .stream().sorted().toList();
        assertEquals(List.of(new FeedPosition(8, 50), new FeedPosition(9, 0), new FeedPosition(9, 1)), sorted);
    }

    @Test
    void anythingElseIsNotAnId() {
        for (String bad : new String[] {null, "", "abc", "1-", "-1", "1-2-3", "1.5-2", "12345678901234567890-1", "-1-2"}) {
            assertTrue(FeedPosition.parse(bad).isEmpty(), String.valueOf(bad));
        }
    }
}
