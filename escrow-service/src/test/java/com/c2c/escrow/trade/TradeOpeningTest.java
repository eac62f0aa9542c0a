package com.c2c.escrow.trade;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.escrow.trade.EscrowKit.Matched;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A matched trade is opened in escrow under the book's trade id, once, and its USDT asked to be locked. */
@QuarkusTest
class TradeOpeningTest {

    @ConfigProperty(name = "c2c.in.matching-events")
    String matchingEvents;

    @Test
    void matchedTradeIsOpenedOnceWithOneLockCommand() {
        Matched m = new Matched(UUID.randomUUID(), EscrowKit.user("bob"), EscrowKit.user("merchant"),
                UUID.randomUUID());
        String match = EscrowKit.matchJson(m);
        try (TestEvents events = new TestEvents(); TopicProbe commands = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            events.publish(matchingEvents, "USDT-CNY", UUID.randomUUID().toString(), EventTypes.TRADE_MATCHED, match);
            // The same match again under another event id (e.g. a replayed book): still one trade.
            events.publish(matchingEvents, "USDT-CNY", UUID.randomUUID().toString(), EventTypes.TRADE_MATCHED, match);
            ConsumedEvent lock = EscrowKit.awaitEvent(commands, m, EventTypes.LOCK_FUNDS);
            assertEquals(m.seller(), lock.key());
            await().atMost(EscrowKit.WAIT).until(() -> TestDatabase.queryLong(
                    "select count(*) from inbox_event where consumer = 'escrow.matching-events'") >= 2);
            assertEquals(1, EscrowKit.count(commands, m, EventTypes.LOCK_FUNDS));
        }
        assertEquals(1, EscrowKit.outboxed(m, EventTypes.LOCK_FUNDS));
        assertEquals(0, EscrowKit.outboxed(m, EventTypes.TRADE_OPENED), "opening is not announced (ADR 0019)");
        String where = " from trade where id = '" + m.id() + "'";
        assertEquals("OPENED", TestDatabase.queryString("select status" + where));
        assertEquals(m.ad().toString(), TestDatabase.queryString("select maker_order_id" + where));
        assertEquals(1L, TestDatabase.queryLong("select count(*)" + where));
    }
}
