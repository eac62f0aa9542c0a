package com.c2c.escrow.trade;

import com.c2c.testkit.As;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * The wallet's FundsLocked for a matched trade (ADR 0028) → row in c2c_escrow → TradeLocked on c2c.escrow.events.v1
 * → REST, against the real PostgreSQL and Kafka.
 */
@QuarkusTest
class TradeWiringTest {

    @Test
    void openedTradeIsStoredAnnouncedAndShownToItsParties() {
        try (TestEvents events = new TestEvents(); TopicProbe escrowEvents = TopicProbe.open(Topics.ESCROW_EVENTS)) {
            Matched m = EscrowKit.matched(UUID.randomUUID());
            EscrowKit.lockedOnMatch(events, m);

            ConsumedEvent locked = EscrowKit.awaitEvent(escrowEvents, m, EventTypes.TRADE_LOCKED);
            assertEquals(m.tradeId(), locked.key());
            assertTrue(locked.data().contains("\"status\":\"LOCKED\""), locked.data());
            assertEquals(72000L, TestDatabase.queryLong("select fiat_amount_minor from trade where id = '" + m.id()
                    + "'"));

            As.user(m.buyer()).when().get("/api/v1/trades/" + m.id())
                    .then().statusCode(200)
                    .body("id", equalTo(m.tradeId()))
                    .body("market", equalTo("USDT-CNY"))
                    .body("status", equalTo("LOCKED"))
                    .body("buyerId", equalTo(m.buyer()))
                    .body("sellerId", equalTo(m.seller()))
                    .body("fiatAmount", equalTo(720.0f))
                    .body("deadline", notNullValue());
            As.user("mallory").when().get("/api/v1/trades/" + m.id()).then().statusCode(404);
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
