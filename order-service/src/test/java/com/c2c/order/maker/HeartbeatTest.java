package com.c2c.order.maker;

import static com.c2c.order.maker.Maker.batch;
import static com.c2c.order.maker.Maker.item;
import static com.c2c.order.maker.Maker.of;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.order.Publish;
import com.c2c.order.Rest;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The dead-man's switch: no heartbeat for the interval pauses the maker's ACTIVE ads, and nothing resumes them but the maker. */
@QuarkusTest
class HeartbeatTest {

    @Test
    void aMissedHeartbeatPausesTheActiveAdsAndALaterOneResumesNothing() {
        String maker = Maker.newMaker();
        String bystander = Maker.newMaker();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS)) {
            Maker.upsertOk(maker, batch(item("buy-1", "BUY", "7.00", "100", ""), item("buy-2", "BUY", "7.10", "100", ""),
                    item("sell-pending", "SELL", "7.20", "100", "")));
            Maker.upsertOk(bystander, batch(item("buy-1", "BUY", "7.00", "100", "")));
            String ad1 = TestDatabase.queryString("select id from ad where owner_id = '" + maker
                    + "' and client_ad_id = 'buy-1'");
            String ad2 = TestDatabase.queryString("select id from ad where owner_id = '" + maker
                    + "' and client_ad_id = 'buy-2'");
            book.await(of(EventTypes.AD_LISTED, ad2), Publish.DEADLINE);

            Rest.asMerchant(maker).body("{\"intervalSeconds\":5}").when().put("/api/v1/maker/heartbeat-policy")
                    .then().statusCode(200).body("intervalSeconds", equalTo(5)).body("deadline", notNullValue());
            Rest.asMerchant(maker).when().post("/api/v1/maker/heartbeat").then().statusCode(200)
                    .body("trippedAt", nullValue());

            // No more heartbeats: within the interval (and a scan) both ACTIVE ads are paused and withdrawn.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> Maker.ads(maker)
                    .then().body(Maker.adPath("buy-1") + ".status", equalTo("PAUSED"))
                    .body(Maker.adPath("buy-2") + ".status", equalTo("PAUSED")));
            Maker.ads(maker).then().body(Maker.adPath("buy-1") + ".statusReason", equalTo("HEARTBEAT_MISSED"))
                    .body(Maker.adPath("sell-pending") + ".status", equalTo("PENDING_FUNDING"));
            book.await(of(EventTypes.AD_WITHDRAWN, ad1), Publish.DEADLINE);
            book.await(of(EventTypes.AD_WITHDRAWN, ad2), Publish.DEADLINE);
            Rest.asMerchant(maker).when().get("/api/v1/maker/heartbeat-policy").then().statusCode(200)
                    .body("pausedAds", equalTo(2)).body("trippedAt", notNullValue()).body("deadline", nullValue());
            Maker.ads(bystander).then().body("items.status", contains("ACTIVE"));

            // Alive again: the switch re-arms, the ads stay paused until the maker resumes them.
            Rest.asMerchant(maker).when().post("/api/v1/maker/heartbeat").then().statusCode(200)
                    .body("deadline", notNullValue());
            Maker.ads(maker).then().body(Maker.adPath("buy-1") + ".status", equalTo("PAUSED"));
            Rest.asMerchant(maker).body("{\"clientAdIds\":[\"buy-1\",\"buy-2\",\"sell-pending\"]}")
                    .when().post("/api/v1/maker/ads/resume").then().statusCode(200)
                    .body("items.result", contains("updated", "updated", "rejected"))
                    .body("items[2].problem.status", equalTo(409));
            // The book confirms the withdrawals; the ads are listed again.
            Publish.bookQuantityCancelled(ad1, Maker.MARKET, maker, 100 * Maker.USDT);
            Publish.bookQuantityCancelled(ad2, Maker.MARKET, maker, 100 * Maker.USDT);
            book.awaitCount(of(EventTypes.AD_LISTED, ad1), 2, Publish.DEADLINE);

            Rest.asMerchant(maker).when().delete("/api/v1/maker/heartbeat-policy").then().statusCode(204);
            Rest.asMerchant(maker).when().delete("/api/v1/maker/heartbeat-policy").then().statusCode(204);
            Rest.asMerchant(maker).when().post("/api/v1/maker/heartbeat").then().statusCode(409)
                    .body("type", equalTo("https://c2c.dev/problems/no-heartbeat-policy"));
            Rest.asMerchant(maker).when().get("/api/v1/maker/heartbeat-policy").then().statusCode(404);
            assertEquals(0L, TestDatabase.queryLong("select count(*) from maker_heartbeat where owner_id = '" + maker
                    + "'"));
            Maker.ads(maker).then().body("items.findAll { it.clientAdId != 'sell-pending' }.status",
                    everyItem(equalTo("ACTIVE")));
        }
    }

    @Test
    void theIntervalIsBounded() {
        String maker = Maker.newMaker();
        for (String bad : new String[] {"4", "3601", "null"}) {
            Rest.asMerchant(maker).body("{\"intervalSeconds\":" + bad + "}").when().put("/api/v1/maker/heartbeat-policy")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("intervalSeconds"));
        }
        Rest.as(maker).body("{\"intervalSeconds\":5}").when().put("/api/v1/maker/heartbeat-policy")
                .then().statusCode(403);
    }
}
