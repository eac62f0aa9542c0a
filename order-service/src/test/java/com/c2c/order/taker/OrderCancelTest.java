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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The owner cancels an order: at once before it reached the book, else the book's answer decides. */
@QuarkusTest
class OrderCancelTest {
    /** Express orders without a priceLimit are limited around the fiat's reference price: CNY has one. */
    @BeforeEach
    void cnyHasAReferencePrice() {
        Rest.referencePrice("CNY", "7.20");
    }

    private static final String BUY = """
            {"side":"BUY","asset":"USDT","fiat":"CNY","mode":"EXPRESS_QUANTITY","amount":"10","paymentMethod":"ALIPAY"}""";

    @Test
    void aSellOrderCancelledBeforeItsReservationReleasesItWhenItArrives() {
        String seller = "seller-" + UUID.randomUUID();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS);
                TopicProbe wallet = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            String order = Rest.placeOrder(seller, SellOrderTest.sell("EXPRESS_QUANTITY", "70")).then().statusCode(201)
                    .extract().path("id");
            cancel(seller, order).then().statusCode(200).body("status", equalTo("CANCELLED"));
            cancel(seller, order).then().statusCode(200).body("status", equalTo("CANCELLED"));
            Publish.fundsReserved(order, seller, 70_000_000L);
            ConsumedEvent release = wallet.await(SellOrderTest.release("release-order:" + order + ":cancel"),
                    Publish.DEADLINE);
            assertTrue(release.data().contains("\"quantityMicros\":70000000"), release.data());
            assertEquals(0, book.seen().stream().filter(SellOrderTest.subject(EventTypes.ORDER_PLACED, order)).count());
        }
    }

    @Test
    void aPlacedOrderIsAskedToBeCancelledAndAFillWinsOverTheCancel() {
        String buyer = "buyer-" + UUID.randomUUID();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String order = Rest.placeOrder(buyer, BUY).then().statusCode(201).extract().path("id");
            Rest.as(buyer).header("Idempotency-Key", UUID.randomUUID().toString()).when()
                    .post("/api/v1/orders/" + order + "/cancel")
                    .then().statusCode(202).body("status", equalTo("CANCEL_REQUESTED"));
            cancel(buyer, order).then().statusCode(202);
            cancel("someone-else", order).then().statusCode(404);
            ConsumedEvent requested = book.await(SellOrderTest.subject(EventTypes.ORDER_CANCEL_REQUESTED, order),
                    Publish.DEADLINE);
            assertEquals("USDT-CNY", requested.key());
            assertEquals(1, book.seen().stream()
                    .filter(SellOrderTest.subject(EventTypes.ORDER_CANCEL_REQUESTED, order)).count());

            // The book had filled it before the cancel arrived, and then refuses the cancel (UNKNOWN_ID).
            Publish.tradeMatched(Trade.of("USDT-CNY", order, buyer, "BUY", UUID.randomUUID().toString(), "m1", 720,
                    10_000_000L));
            String refusal = Publish.orderRejected(order, "USDT-CNY", "UNKNOWN_ID", "no such order on the book");
            Publish.awaitApplied("order.matching-events", refusal);
            Rest.orderOf(buyer, order).then().body("status", equalTo("MATCHED")).body("rejectReason", org.hamcrest.Matchers.nullValue());
            cancel(buyer, order).then().statusCode(409).contentType("application/problem+json");
        }
    }

    @Test
    void aPlacedOrderTheBookRejectsBeforeTheCancelIsRejected() {
        String buyer = "buyer-" + UUID.randomUUID();
        String order = Rest.placeOrder(buyer, BUY).then().statusCode(201).extract().path("id");
        cancel(buyer, order).then().statusCode(202);
        Publish.orderRejected(order, "USDT-CNY", "NO_ELIGIBLE_AD", "no ad can take it");
        Publish.orderRejected(order, "USDT-CNY", "UNKNOWN_ID", "no such order on the book");
        await().atMost(Publish.DEADLINE).untilAsserted(() -> Rest.orderOf(buyer, order).then()
                .body("status", equalTo("REJECTED")).body("rejectReason", equalTo("NO_ELIGIBLE_AD: no ad can take it")));
        cancel(buyer, order).then().statusCode(409);
    }

    private static io.restassured.response.Response cancel(String owner, String order) {
        return Rest.as(owner).when().post("/api/v1/orders/" + order + "/cancel");
    }
}
