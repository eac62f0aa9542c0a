package com.c2c.order.taker;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.order.Publish;
import com.c2c.order.Publish.Trade;
import com.c2c.order.Rest;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An order shows its trade's live status from escrow's events, in whatever order they arrive. */
@QuarkusTest
class TradeStatusTest {
    /** Express orders without a priceLimit are limited around the fiat's reference price: CNY has one. */
    @BeforeEach
    void cnyHasAReferencePrice() {
        Rest.referencePrice("CNY", "7.20");
    }

    private static final String MARKET = "USDT-CNY";

    @Test
    void escrowEventsMoveTheTradeForwardOnlyEvenWhenTheyArriveBeforeTheMatch() {
        String buyer = "buyer-" + UUID.randomUUID();
        String seller = "seller-" + UUID.randomUUID();
        String order = Rest.placeOrder(buyer, """
                {"side":"BUY","asset":"USDT","fiat":"CNY","mode":"EXPRESS_FIAT","amount":"72.00","paymentMethod":"ALIPAY"}""")
                .then().statusCode(201).extract().path("id");
        Trade trade = Trade.of(MARKET, order, buyer, "BUY", UUID.randomUUID().toString(), seller, 720, 10_000_000L);
        Instant deadline = Instant.now().plus(15, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        // Escrow is faster than this service's consumer of the book's events.
        Publish.escrow(EventTypes.TRADE_LOCKED, trade, "LOCKED", deadline);
        await().atMost(Publish.DEADLINE).untilAsserted(() -> Rest.orderOf(buyer, order).then()
                .body("tradeId", equalTo(trade.tradeId())).body("tradeStatus", equalTo("LOCKED"))
                .body("paymentDeadline", equalTo(deadline.toString())).body("status", equalTo("PLACED")));

        String matched = Publish.tradeMatched(trade);
        Publish.awaitApplied("order.matching-events", matched);
        Rest.orderOf(buyer, order).then().body("status", equalTo("MATCHED")).body("tradeStatus", equalTo("LOCKED"))
                .body("price", equalTo(7.20f)).body("quantity", equalTo(10f)).body("fiatAmount", equalTo(72.00f));

        Publish.escrow(EventTypes.TRADE_PAID, trade, "PAID", deadline.plus(30, ChronoUnit.MINUTES));
        String lateLock = Publish.escrow(EventTypes.TRADE_LOCKED, trade, "LOCKED", deadline); // redelivered late
        Publish.awaitApplied("order.escrow-events", lateLock);
        Rest.orderOf(buyer, order).then().body("tradeStatus", equalTo("PAID"))
                .body("paymentDeadline", equalTo(deadline.toString()));

        Publish.escrow(EventTypes.TRADE_DISPUTED, trade, "DISPUTED", null);
        Publish.escrow(EventTypes.TRADE_COMPLETED, trade, "RESOLVED_RELEASED", null);
        await().atMost(Publish.DEADLINE).untilAsserted(() -> Rest.orderOf(buyer, order).then()
                .body("tradeStatus", equalTo("RESOLVED_RELEASED")));
        Rest.as(buyer).when().get("/api/v1/orders?limit=5").then().statusCode(200)
                .body("items[0].id", equalTo(order)).body("items[0].tradeStatus", equalTo("RESOLVED_RELEASED"))
                .body("items[0].tradeId", notNullValue());
    }

    @Test
    void completedTradesAreCountedOncePerTradeForBothPartiesAndSentWithTheNextOrder() {
        String buyer = "buyer-" + UUID.randomUUID();
        String seller = "seller-" + UUID.randomUUID();
        String order = Rest.placeOrder(buyer, """
                {"side":"BUY","asset":"USDT","fiat":"CNY","mode":"EXPRESS_QUANTITY","amount":"5","paymentMethod":"ALIPAY"}""")
                .then().statusCode(201).extract().path("id");
        Trade trade = Trade.of(MARKET, order, buyer, "BUY", UUID.randomUUID().toString(), seller, 720, 5_000_000L);
        Publish.tradeMatched(trade);
        Publish.escrow(EventTypes.TRADE_COMPLETED, trade, "COMPLETED", null);
        Publish.escrow(EventTypes.TRADE_COMPLETED, trade, "COMPLETED", null); // again, under a new event id
        String marker = Publish.escrow(EventTypes.TRADE_PAID, trade, "PAID", null);
        Publish.awaitApplied("order.escrow-events", marker);
        assertEquals(1L, completed(buyer));
        assertEquals(1L, completed(seller));
        Rest.orderOf(buyer, order).then().body("tradeStatus", equalTo("COMPLETED"));

        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String next = Rest.placeOrder(buyer, """
                    {"side":"BUY","asset":"USDT","fiat":"CNY","mode":"EXPRESS_QUANTITY","amount":"5","paymentMethod":"ALIPAY"}""")
                    .then().statusCode(201).extract().path("id");
            ConsumedEvent placed = book.await(SellOrderTest.subject(EventTypes.ORDER_PLACED, next), Publish.DEADLINE);
            assertTrue(placed.data().contains("\"completedTrades\":1"), placed.data());
        }
    }

    private static long completed(String user) {
        return TestDatabase.queryLong("select coalesce(max(completed_trades), 0) from trader_stats where user_id = '"
                + user + "'");
    }
}
