package com.c2c.order.maker;

import static com.c2c.order.maker.Maker.USDT;
import static com.c2c.order.maker.Maker.batch;
import static com.c2c.order.maker.Maker.item;
import static com.c2c.order.maker.Maker.of;
import static com.c2c.order.maker.Maker.upsert;
import static com.c2c.order.maker.Maker.upsertOk;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** PUT /api/v1/maker/ads: a maker's ads by its own ids, in bulk, each item answered on its own. */
@QuarkusTest
class MakerAdsTest {

    @Test
    void anUpsertCreatesAndTheSameBatchAgainIsUnchangedAndSendsNothing() {
        String maker = Maker.newMaker();
        String body = batch(item("sell-1", "SELL", "7.20", "1000", ",\"terms\":\"Alipay only\""),
                item("buy-1", "BUY", "7.00", "500", ",\"paymentWindowMinutes\":30"));
        try (TopicProbe orders = TopicProbe.open(Topics.ORDER_EVENTS)) {
            upsertOk(maker, body)
                    .body("items.result", contains("created", "created"))
                    .body("items.clientAdId", contains("sell-1", "buy-1"))
                    .body("items[0].ad.status", equalTo("PENDING_FUNDING"))
                    .body("items[0].ad.quantity", equalTo(1000f))
                    .body("items[0].ad.traded", equalTo(0f))
                    .body("items[1].ad.status", equalTo("ACTIVE"));
            String sell = TestDatabase.queryString("select id from ad where owner_id = '" + maker
                    + "' and client_ad_id = 'sell-1'");
            orders.await(of(EventTypes.AD_POSTED, sell), Publish.DEADLINE);

            upsertOk(maker, body).body("items.result", contains("unchanged", "unchanged"))
                    .body("items[0].ad.id", equalTo(sell));
            assertEquals(2L, TestDatabase.queryLong("select count(*) from ad where owner_id = '" + maker + "'"));
            // What the two calls wrote to the outbox: the first one's AdPosted x2 and the BUY ad's AdListed.
            assertEquals(3L, TestDatabase.queryLong("select count(*) from outbox_event where subject in (select"
                    + " cast(id as text) from ad where owner_id = '" + maker + "')"));
            assertEquals(0L, TestDatabase.queryLong("select count(*) from outbox_event where type = '"
                    + EventTypes.RESERVE_FUNDS + "' and record_key = '" + maker + "'"), "no second reservation");
        }
    }

    @Test
    void aChangedPriceIsAnUpdateTheBookHearsOf() {
        String maker = Maker.newMaker();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String ad = Maker.fundedSellAd(maker, "sell-1", book);
            upsertOk(maker, batch(item("sell-1", "SELL", "7.30", "1000", "")))
                    .body("items[0].result", equalTo("updated"))
                    .body("items[0].ad.price", equalTo(7.30f))
                    .body("items[0].ad.status", equalTo("ACTIVE"));
            ConsumedEvent amended = book.await(of(EventTypes.AD_AMENDED, ad), Publish.DEADLINE);
            assertTrue(amended.data().contains("\"priceMinor\":730"), amended.data());
            assertTrue(amended.data().contains("\"quantityMicros\":-1"), "the book keeps its quantity");

            // A new payment method while on the book: the amend path's rule, pause first.
            upsertOk(maker, batch(item("sell-1", "SELL", "7.30", "1000", "").replace("[\"ALIPAY\"]",
                    "[\"ALIPAY\",\"WISE\"]")))
                    .body("items[0].result", equalTo("rejected"))
                    .body("items[0].problem.status", equalTo(409))
                    .body("items[0].problem.type", equalTo("https://c2c.dev/problems/pause-first"));
        }
    }

    @Test
    void whatTradedCountsAgainstTheTotalAndARaiseIsReservedFirst() {
        String maker = Maker.newMaker();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS);
                TopicProbe wallet = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            String ad = Maker.fundedSellAd(maker, "sell-1", book);
            Publish.tradeMatched(Trade.of(Maker.MARKET, UUID.randomUUID().toString(), "taker-" + UUID.randomUUID(),
                    "BUY", ad, maker, 720, 300 * USDT));
            Maker.awaitAd(maker, "sell-1", "remaining", 700.0f);

            String same = batch(item("sell-1", "SELL", "7.20", "1000", ""));
            upsertOk(maker, same).body("items[0].result", equalTo("unchanged"))
                    .body("items[0].ad.remaining", equalTo(700f))
                    .body("items[0].ad.traded", equalTo(300f))
                    .body("items[0].ad.quantity", equalTo(1000f));

            // A higher total: the difference is reserved first, then goes on the book.
            String raised = batch(item("sell-1", "SELL", "7.20", "1500", ""));
            upsertOk(maker, raised).body("items[0].result", equalTo("updated"))
                    .body("items[0].ad.quantity", equalTo(1500f))
                    .body("items[0].ad.remaining", equalTo(700f))
                    .body("items[0].ad.pendingRaise", equalTo(500f));
            String commandId = "reserve-ad:" + ad + ":topup-1";
            ConsumedEvent reserve = wallet.await(e -> EventTypes.RESERVE_FUNDS.equals(e.type())
                    && e.data().contains(commandId), Publish.DEADLINE);
            assertEquals(maker, reserve.key());
            assertTrue(reserve.data().contains("\"quantityMicros\":500000000"), reserve.data());
            upsertOk(maker, raised).body("items[0].result", equalTo("unchanged"));

            Publish.event("wallet-events", maker, EventTypes.FUNDS_RESERVED, """
                    {"commandId":"%s","orderId":"%s","ownerId":"%s","quantityMicros":500000000}"""
                    .formatted(commandId, ad, maker));
            ConsumedEvent restored = book.await(of(EventTypes.AD_QUANTITY_RESTORED, ad), Publish.DEADLINE);
            assertTrue(restored.data().contains("\"quantityMicros\":500000000"), restored.data());
            Maker.awaitAd(maker, "sell-1", "remaining", 1200.0f);
            upsertOk(maker, raised).body("items[0].result", equalTo("unchanged"))
                    .body("items[0].ad.pendingRaise", equalTo(0f));
            assertEquals(1, wallet.seen().stream().filter(e -> EventTypes.RESERVE_FUNDS.equals(e.type())
                    && ad.equals(e.cloudEvent().get("subject"))).count());

            // A lower total needs the ad off the book; below what traded never.
            upsertOk(maker, batch(item("sell-1", "SELL", "7.20", "1200", "")))
                    .body("items[0].result", equalTo("rejected"))
                    .body("items[0].problem.type", equalTo("https://c2c.dev/problems/quantity-not-changeable"))
                    .body("items[0].problem.errors.field", hasItem("quantity"));
        }
    }

    @Test
    void aBadItemIsRejectedAndTheOthersGoThrough() {
        String maker = Maker.newMaker();
        upsertOk(maker, batch(
                item("good-1", "BUY", "7.00", "100", ""),
                item("bad-price", "BUY", "7.001", "100", ""),
                item("no-fiat", "BUY", "7.00", "100", "").replace("\"fiat\":\"CNY\",", ""),
                item("bad id!", "BUY", "7.00", "100", ""),
                item("twice", "BUY", "7.00", "100", ""),
                item("twice", "BUY", "7.10", "100", ""),
                item("good-2", "SELL", "7.20", "100", "")))
                .body("items.result", contains("created", "rejected", "rejected", "rejected", "rejected", "rejected",
                        "created"))
                .body("items[1].problem.errors.field", contains("price"))
                .body("items[2].problem.errors.field", contains("fiat"))
                .body("items[3].problem.errors.field", contains("clientAdId"))
                .body("items[4].problem.errors.field", contains("clientAdId"))
                .body("items[1].ad", nullValue());
        assertEquals(2L, TestDatabase.queryLong("select count(*) from ad where owner_id = '" + maker + "'"));
    }

    @Test
    void theBatchIsBounded() {
        String maker = Maker.newMaker();
        String items = IntStream.range(0, 101).mapToObj(i -> item("ad-" + i, "BUY", "7.00", "100", ""))
                .collect(Collectors.joining(","));
        upsert(maker, "{\"items\":[" + items + "]}").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("items"));
        upsert(maker, "{\"items\":[]}").then().statusCode(400).body("errors.field", contains("items"));
        upsert(maker, "{}").then().statusCode(400).body("errors.field", contains("items"));
        assertEquals(0L, TestDatabase.queryLong("select count(*) from ad where owner_id = '" + maker + "'"));
        String hundred = IntStream.range(0, 100).mapToObj(i -> item("ad-" + i, "BUY", "7.00", "100", ""))
                .collect(Collectors.joining(","));
        upsertOk(maker, "{\"items\":[" + hundred + "]}").body("items", hasSize(100))
                .body("items.result", everyItem(equalTo("created")));
    }

    @Test
    void eachMakerHasItsOwnClientAdIdsAndOnlyMerchantsCallIn() {
        String a = Maker.newMaker();
        String b = Maker.newMaker();
        String idA = upsertOk(a, batch(item("shared-1", "BUY", "7.00", "100", ""))).body("items[0].result",
                equalTo("created")).extract().path("items[0].ad.id");
        String idB = upsertOk(b, batch(item("shared-1", "BUY", "7.10", "200", ""))).body("items[0].result",
                equalTo("created")).extract().path("items[0].ad.id");
        assertNotEquals(idA, idB);
        Maker.ads(a).then().body("items.id", contains(idA));
        Maker.cancel(b, "shared-1").then().statusCode(200).body("items[0].ad.id", equalTo(idB));
        Maker.ads(a).then().body("items[0].status", equalTo("ACTIVE"));

        Rest.as(a).body(batch(item("x", "BUY", "7.00", "100", ""))).when().put("/api/v1/maker/ads")
                .then().statusCode(403).contentType("application/problem+json");
        Rest.as(a, "arbiter").when().get("/api/v1/maker/ads").then().statusCode(403);
        Rest.anonymous().when().get("/api/v1/maker/trades").then().statusCode(401);
        Rest.as(a).when().post("/api/v1/maker/heartbeat").then().statusCode(403);
    }

    @Test
    void cancelByIdAndCancelAllAreIdempotent() {
        String maker = Maker.newMaker();
        upsertOk(maker, batch(item("a", "BUY", "7.00", "100", ""), item("b", "BUY", "7.00", "100", ""),
                item("c", "SELL", "7.20", "100", ""), item("usd", "BUY", "1.00", "100", "").replace("CNY", "USD")));
        Rest.asMerchant(maker).body(
                "{\"side\":\"BUY\",\"asset\":\"USDT\",\"fiat\":\"CNY\",\"price\":\"7.00\",\"quantity\":\"10\","
                        + "\"minOrder\":\"10\",\"maxOrder\":\"70\",\"paymentMethods\":[\"ALIPAY\"]}")
                .header("Idempotency-Key", UUID.randomUUID().toString()).when().post("/api/v1/ads")
                .then().statusCode(201);

        Maker.cancel(maker, "a", "missing", "a").then().statusCode(200)
                .body("items.result", contains("cancelled", "rejected", "unchanged"))
                .body("items[0].ad.status", equalTo("CANCELLED"))
                .body("items[1].problem.status", equalTo(404));
        Maker.cancel(maker, "a").then().body("items[0].result", equalTo("unchanged"));
        Maker.upsert(maker, batch(item("a", "BUY", "7.00", "100", ""))).then()
                .body("items[0].result", equalTo("rejected"))
                .body("items[0].problem.type", equalTo("https://c2c.dev/problems/ad-closed"));

        Rest.asMerchant(maker).when().post("/api/v1/maker/ads/cancel-all?market=USDT-CNY").then().statusCode(200)
                .body("items", hasSize(3)).body("items.result", everyItem(equalTo("cancelled")))
                .body("items.clientAdId", hasItem("b")).body("items.clientAdId", not(hasItem("usd")));
        Rest.asMerchant(maker).when().post("/api/v1/maker/ads/cancel-all?market=USDT-CNY").then().statusCode(200)
                .body("items", hasSize(0));
        Maker.ads(maker).then().body(Maker.adPath("usd") + ".status", equalTo("ACTIVE"));
        Rest.asMerchant(maker).when().post("/api/v1/maker/ads/cancel-all").then().statusCode(200)
                .body("items.clientAdId", contains("usd"));
        Rest.asMerchant(maker).when().post("/api/v1/maker/ads/cancel-all?market=cny").then().statusCode(400)
                .body("errors.field", contains("market"));
        Maker.ads(maker).then().body("items.status", everyItem(equalTo("CANCELLED")));
    }
}
