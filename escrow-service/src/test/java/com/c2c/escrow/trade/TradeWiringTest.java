package com.c2c.escrow.trade;

import com.c2c.testkit.As;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.escrow.trade.EscrowKit.Matched;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** TradeMatched → row in c2c_escrow → LockFunds on c2c.wallet.commands.v1 → REST, against the real PostgreSQL and Kafka. */
@QuarkusTest
class TradeWiringTest {

    @Test
    void openedTradeIsStoredAskedToBeLockedAndShownToItsParties() {
        try (TestEvents events = new TestEvents(); TopicProbe commands = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            Matched m = EscrowKit.match(events, UUID.randomUUID());

            ConsumedEvent lock = EscrowKit.awaitEvent(commands, m, EventTypes.LOCK_FUNDS);
            assertEquals(m.seller(), lock.key());
            assertTrue(lock.data().contains("\"quantityMicros\":100000000"), lock.data());
            assertEquals(72000L, TestDatabase.queryLong("select fiat_amount_minor from trade where id = '" + m.id()
                    + "'"));
            // Opening is not announced (ADR 0019): the first lifecycle event is TradeLocked.
            assertEquals(0, TestDatabase.queryLong("select count(*) from outbox_event where subject = '" + m.id()
                    + "' and topic = '" + Topics.ESCROW_EVENTS + "'"));

            As.user(m.buyer()).when().get("/api/v1/trades/" + m.id())
                    .then().statusCode(200)
                    .body("id", equalTo(m.tradeId()))
                    .body("market", equalTo("USDT-CNY"))
                    .body("status", equalTo("OPENED"))
                    .body("buyerId", equalTo(m.buyer()))
                    .body("sellerId", equalTo(m.seller()))
                    .body("fiatAmount", equalTo(720.0f))
                    .body("deadline", nullValue());
            As.user("mallory").when().get("/api/v1/trades/" + m.id()).then().statusCode(404);
        }
    }

    @Test
    void aSelfMatchIsNotOpened() {
        try (TestEvents events = new TestEvents()) {
            String owner = EscrowKit.user("owner");
            Matched self = new Matched(UUID.randomUUID(), owner, owner, UUID.randomUUID());
            events.publish(EscrowKit.topic("matching-events"), "USDT-CNY", UUID.randomUUID().toString(),
                    EventTypes.TRADE_MATCHED, EscrowKit.matchJson(self));
            // Same market, same partition: once the next match is open, the self-match was handled.
            Matched next = EscrowKit.match(events, UUID.randomUUID());
            EscrowKit.awaitOpened(next);
            assertNull(EscrowKit.status(self));
            assertEquals(0, EscrowKit.outboxed(self, EventTypes.LOCK_FUNDS));
        }
    }

    @Test
    void tradesAreNoLongerOpenedByHand() {
        As.user("ops1").contentType(ContentType.JSON)
                .body("{\"market\":\"USDT-CNY\",\"buyerId\":\"a\",\"sellerId\":\"b\",\"quantity\":\"1\",\"price\":\"7\"}")
                .when().post("/api/v1/trades")
                .then().statusCode(405);
    }

    @Test
    void readinessIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
