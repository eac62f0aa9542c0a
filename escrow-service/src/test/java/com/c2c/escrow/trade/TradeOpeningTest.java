package com.c2c.escrow.trade;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A matched trade is opened in escrow under the book's trade id, once, and announced. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_escrow"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "mp.messaging.incoming.matching-events.topic"))
class TradeOpeningTest {

    @ConfigProperty(name = "mp.messaging.incoming.matching-events.topic")
    String matchingEvents;

    @Test
    void matchedTradeIsOpenedOnce() {
        UUID trade = UUID.randomUUID();
        String match = """
                {"tradeId":"%s","market":"USDT-CNY","sequence":7,"takerOrderId":"%s","takerId":"bob",
                 "makerOrderId":"%s","makerId":"merchant1","buyerId":"bob","sellerId":"merchant1","priceMinor":720,
                 "quantityMicros":100000000,"fiatAmountMinor":72000}""".formatted(trade, UUID.randomUUID(),
                UUID.randomUUID());
        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.ESCROW_EVENTS)) {
            events.publish(matchingEvents, "USDT-CNY", UUID.randomUUID().toString(), EventTypes.TRADE_MATCHED, match);
            // The same match again under another event id (e.g. a replayed book): still one trade.
            events.publish(matchingEvents, "USDT-CNY", UUID.randomUUID().toString(), EventTypes.TRADE_MATCHED, match);
            ConsumedEvent opened = out.await(e -> trade.toString().equals(e.key()), Duration.ofSeconds(30));
            assertEquals(EventTypes.TRADE_OPENED, opened.type());
            assertTrue(opened.data().contains("\"fiatAmountMinor\":72000"), opened.data());
            await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.queryLong(
                    "select count(*) from inbox_event where consumer = 'escrow.matching-events'") == 2);
            assertEquals(1, out.seen().stream().filter(e -> trade.toString().equals(e.key())).count());
        }
        assertEquals("OPENED", TestDatabase.queryString("select status from trade where id = '" + trade + "'"));
        assertEquals(1L, TestDatabase.queryLong("select count(*) from trade where id = '" + trade + "'"));
    }
}
