package com.c2c.order.taker;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.order.Publish;
import com.c2c.order.Publish.Trade;
import com.c2c.order.Rest;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A taker SELL order: its USDT reserved before it reaches the book, and every part of the reservation
 * released once when it leaves for good (rejected, filled for less, its trade cancelled).
 */
@QuarkusTest
class SellOrderTest {
    private static final Duration DEADLINE = Publish.DEADLINE;
    private static final String FIAT = "BRL";
    private static final String MARKET = "USDT-BRL";

    @Test
    void reservedThenPlacedThenMatchedWithTheRestReleasedAndTheCancelledTradeReleased() {
        String merchant = "merchant-" + UUID.randomUUID();
        String seller = "seller-" + UUID.randomUUID();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS);
                TopicProbe wallet = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            String ad = Rest.ad(merchant, "BUY", FIAT, "5.00", "1000", "10", "5000", "\"PIX\"");
            book.await(subject(EventTypes.AD_LISTED, ad), DEADLINE);

            String order = Rest.placeOrder(seller, sell("EXPRESS_QUANTITY", "100")).then().statusCode(201)
                    .body("status", equalTo("PENDING_FUNDING")).body("reserved", equalTo(100f))
                    .extract().path("id");
            ConsumedEvent reserve = wallet.await(subject(EventTypes.RESERVE_FUNDS, order), DEADLINE);
            assertEquals(seller, reserve.key());
            assertTrue(reserve.data().contains("\"commandId\":\"reserve-order:" + order + "\""), reserve.data());
            assertTrue(reserve.data().contains("\"quantityMicros\":100000000"), reserve.data());
            assertEquals(0, book.seen().stream().filter(subject(EventTypes.ORDER_PLACED, order)).count(),
                    "not on the book before its USDT is reserved");

            Publish.fundsReserved(order, seller, 100_000_000L);
            ConsumedEvent placed = book.await(subject(EventTypes.ORDER_PLACED, order), DEADLINE);
            assertTrue(placed.data().contains("\"side\":\"SELL\""), placed.data());
            assertTrue(placed.data().contains("\"mode\":\"EXPRESS_QUANTITY\""), placed.data());
            assertTrue(placed.data().contains("\"priceLimitMinor\":450"), placed.data());
            assertTrue(placed.data().contains("\"amount\":100000000"), placed.data());
            Rest.orderOf(seller, order).then().body("status", equalTo("PLACED"));

            // The book fills 60 of the 100: the other 40 go back to the seller.
            Trade trade = Trade.of(MARKET, order, seller, "SELL", ad, merchant, 500, 60_000_000L);
            Publish.tradeMatched(trade);
            ConsumedEvent rest = wallet.await(release("release-order:" + order + ":unfilled"), DEADLINE);
            assertEquals(seller, rest.key());
            assertTrue(rest.data().contains("\"quantityMicros\":40000000"), rest.data());
            Rest.orderOf(seller, order).then().body("status", equalTo("MATCHED"));

            // The trade ends cancelled: the refund put the 60 back in RESERVED; they are released, and the BUY
            // ad (on the book) wants them again.
            Publish.escrow(EventTypes.TRADE_CANCELLED, trade, "CANCELLED", null);
            ConsumedEvent refunded = wallet.await(release("release-order:" + order + ":" + trade.tradeId()), DEADLINE);
            assertTrue(refunded.data().contains("\"quantityMicros\":60000000"), refunded.data());
            ConsumedEvent restored = book.await(subject(EventTypes.AD_QUANTITY_RESTORED, ad), DEADLINE);
            assertTrue(restored.data().contains("\"quantityMicros\":60000000"), restored.data());
            await().atMost(DEADLINE).untilAsserted(() -> Rest.orderOf(seller, order).then()
                    .body("tradeStatus", equalTo("CANCELLED")));
            assertEquals(2, wallet.seen().stream().filter(e -> EventTypes.RELEASE_RESERVATION.equals(e.type())
                    && order.equals(e.cloudEvent().get("subject"))).count());
            assertEquals(100_000_000L, Publish.released(wallet.seen(), order), "all of the reservation, once");
        }
    }

    @Test
    void aRejectionReleasesTheWholeReservationAndAWalletRefusalRejectsTheOrder() {
        String seller = "seller-" + UUID.randomUUID();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS);
                TopicProbe wallet = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            String rejected = Rest.placeOrder(seller, sell("EXPRESS_QUANTITY", "25.5")).then().statusCode(201)
                    .extract().path("id");
            Publish.fundsReserved(rejected, seller, 25_500_000L);
            book.await(subject(EventTypes.ORDER_PLACED, rejected), DEADLINE);
            Publish.orderRejected(rejected, MARKET, "NO_ELIGIBLE_AD", "no ad can take it");
            ConsumedEvent release = wallet.await(release("release-order:" + rejected + ":rejected"), DEADLINE);
            assertTrue(release.data().contains("\"quantityMicros\":25500000"), release.data());
            Rest.orderOf(seller, rejected).then().body("status", equalTo("REJECTED"));

            String unfunded = Rest.placeOrder(seller, sell("EXPRESS_QUANTITY", "10")).then().statusCode(201)
                    .extract().path("id");
            Publish.commandRejected(EventTypes.RESERVE_FUNDS, "reserve-order:" + unfunded, unfunded, seller,
                    "INSUFFICIENT_FUNDS", "only 2 USDT available");
            await().atMost(DEADLINE).untilAsserted(() -> Rest.orderOf(seller, unfunded).then()
                    .body("status", equalTo("REJECTED"))
                    .body("rejectReason", equalTo("INSUFFICIENT_FUNDS: only 2 USDT available")));
            assertEquals(0, book.seen().stream().filter(subject(EventTypes.ORDER_PLACED, unfunded)).count());
            assertEquals(0, wallet.seen().stream().filter(e -> EventTypes.RELEASE_RESERVATION.equals(e.type())
                    && unfunded.equals(e.cloudEvent().get("subject"))).count());
        }
    }

    @Test
    void aSellOrderInFiatOnAChosenAdReservesWhatTheFiatBuysAndGoesToTheBookAsThatQuantity() {
        String merchant = "merchant-" + UUID.randomUUID();
        String seller = "seller-" + UUID.randomUUID();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS);
                TopicProbe wallet = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            String ad = Rest.ad(merchant, "BUY", FIAT, "3.00", "1000", "10", "5000", "\"PIX\"");
            // 100.00 BRL at 3.00 = 33.333333 USDT (rounded down, as the book converts)
            String order = Rest.placeOrder(seller, """
                    {"side":"SELL","asset":"USDT","mode":"AD_FIAT","adId":"%s","amount":"100.00","paymentMethod":"PIX"}"""
                    .formatted(ad)).then().statusCode(201).body("reserved", equalTo(33.333333f))
                    .body("market", equalTo(MARKET)).body("adId", equalTo(ad)).extract().path("id");
            assertTrue(wallet.await(subject(EventTypes.RESERVE_FUNDS, order), DEADLINE).data()
                    .contains("\"quantityMicros\":33333333"));
            Publish.fundsReserved(order, seller, 33_333_333L);
            ConsumedEvent placed = book.await(subject(EventTypes.ORDER_PLACED, order), DEADLINE);
            assertTrue(placed.data().contains("\"mode\":\"AD_QUANTITY\""), placed.data());
            assertTrue(placed.data().contains("\"amount\":33333333"), placed.data());
            assertTrue(placed.data().contains("\"adId\":\"" + ad + "\""), placed.data());
        }
    }

    static String sell(String mode, String amount) {
        return """
                {"side":"SELL","asset":"USDT","fiat":"%s","mode":"%s","amount":"%s","paymentMethod":"PIX",
                 "priceLimit":"4.50"}"""
                .formatted(FIAT, mode, amount);
    }

    static Predicate<ConsumedEvent> subject(String type, String subject) {
        return e -> type.equals(e.type()) && subject.equals(e.cloudEvent().get("subject"));
    }

    static Predicate<ConsumedEvent> release(String commandId) {
        return e -> EventTypes.RELEASE_RESERVATION.equals(e.type()) && e.data().contains("\"" + commandId + "\"");
    }
}
