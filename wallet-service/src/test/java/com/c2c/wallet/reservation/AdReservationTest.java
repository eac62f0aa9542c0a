package com.c2c.wallet.reservation;

import com.c2c.testkit.As;
import static io.restassured.RestAssured.given;
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
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A posted SELL ad gets its USDT reserved (available → reserved) exactly once, or is rejected when
 * the seller lacks it; every movement is a balanced posting and the seller's total never changes.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.order-events"))
class AdReservationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @ConfigProperty(name = "c2c.in.order-events")
    String orderEvents;

    @Test
    void sellAdIsReservedOnceAndAnAdBeyondTheBalanceIsRejected() {
        String seller = "merchant-" + UUID.randomUUID();
        As.user("admin1", "admin").contentType(ContentType.JSON)
                .body("{\"ownerId\":\"" + seller + "\",\"asset\":\"USDT\",\"amount\":\"1000\",\"reference\":\"fund-" + seller + "\"}")
                .when().post("/api/v1/wallet/admin/credits").then().statusCode(201);

        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.WALLET_EVENTS)) {
            UUID ad = UUID.randomUUID();
            String eventId = UUID.randomUUID().toString();
            events.publish(orderEvents, "USDT-CNY", eventId, EventTypes.AD_POSTED, adPosted(ad, seller, 600_000_000L));
            ConsumedEvent reserved = out.await(e -> ad.toString().equals(e.cloudEvent().get("subject")), DEADLINE);
            assertEquals(EventTypes.AD_FUNDS_RESERVED, reserved.type());
            assertEquals(seller, reserved.key());

            // The same event again, and the same ad under a new event id: nothing moves twice.
            events.publish(orderEvents, "USDT-CNY", eventId, EventTypes.AD_POSTED, adPosted(ad, seller, 600_000_000L));
            String againId = UUID.randomUUID().toString();
            events.publish(orderEvents, "USDT-CNY", againId, EventTypes.AD_POSTED, adPosted(ad, seller, 600_000_000L));

            UUID tooBig = UUID.randomUUID();
            String tooBigId = UUID.randomUUID().toString();
            events.publish(orderEvents, "USDT-CNY", tooBigId, EventTypes.AD_POSTED,
                    adPosted(tooBig, seller, 500_000_000L));
            ConsumedEvent rejected = out.await(e -> tooBig.toString().equals(e.cloudEvent().get("subject")), DEADLINE);
            assertEquals(EventTypes.AD_FUNDS_REJECTED, rejected.type());
            assertTrue(rejected.data().contains("INSUFFICIENT_FUNDS"), rejected.data());

            await().atMost(DEADLINE).until(() -> TestDatabase.queryLong(
                    "select count(*) from inbox_event where consumer = 'wallet.order-events' and event_id in ('"
                            + eventId + "', '" + againId + "', '" + tooBigId + "')") == 3);
            assertEquals(1, out.seen().stream().filter(e -> ad.toString().equals(e.cloudEvent().get("subject"))).count());
        }
        assertEquals(400_000_000L, balance(seller, "AVAILABLE"));
        assertEquals(600_000_000L, balance(seller, "RESERVED"));
        assertEquals(0L, TestDatabase.queryLong(
                "select count(*) from (select a.asset from ledger_entry e join ledger_account a on a.id = e.account_id "
                        + "group by a.asset having sum(e.amount) <> 0) unbalanced"));
    }

    /**
     * An ad the wallet rejected stays rejected: the same AdPosted under a new event id, after the seller got
     * the funds, reserves nothing (the order service already marked the ad REJECTED). Before, the rejection was
     * not recorded, so the redelivery reserved the funds of an ad nobody could ever fill or cancel.
     */
    @Test
    void aRejectedAdStaysRejectedWhenItArrivesAgainUnderANewEventId() {
        String seller = "merchant-" + UUID.randomUUID();
        UUID ad = UUID.randomUUID();
        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.WALLET_EVENTS)) {
            events.publish(orderEvents, "USDT-CNY", UUID.randomUUID().toString(), EventTypes.AD_POSTED,
                    adPosted(ad, seller, 100_000_000L));
            ConsumedEvent rejected = out.await(e -> ad.toString().equals(e.cloudEvent().get("subject")), DEADLINE);
            assertEquals(EventTypes.AD_FUNDS_REJECTED, rejected.type());

            As.user("admin1", "admin").contentType(ContentType.JSON)
                    .body("{\"ownerId\":\"" + seller + "\",\"asset\":\"USDT\",\"amount\":\"500\",\"reference\":\"fund-" + seller + "\"}")
                    .when().post("/api/v1/wallet/admin/credits").then().statusCode(201);
            String againId = UUID.randomUUID().toString();
            events.publish(orderEvents, "USDT-CNY", againId, EventTypes.AD_POSTED, adPosted(ad, seller, 100_000_000L));
            await().atMost(DEADLINE).until(() -> TestDatabase.queryLong(
                    "select count(*) from inbox_event where consumer = 'wallet.order-events' and event_id = '" + againId + "'") == 1);
            assertEquals(0, out.seen().stream().filter(e -> ad.toString().equals(e.cloudEvent().get("subject"))
                    && EventTypes.AD_FUNDS_RESERVED.equals(e.type())).count());
        }
        assertEquals(500_000_000L, balance(seller, "AVAILABLE"));
        assertEquals(0L, TestDatabase.queryLong("select coalesce((select balance from ledger_account where owner_id = '"
                + seller + "' and kind = 'RESERVED'), 0)"));
        assertEquals(0L, TestDatabase.queryLong("select count(*) from ledger_posting where command_id = 'reserve-ad:" + ad + "'"));
        assertEquals("c2c.wallet.AdFundsRejected.v1", TestDatabase.queryString(
                "select outcome_type from wallet_command_outcome where command_id = 'reserve-ad:" + ad + "'"));
        assertEquals(0L, TestDatabase.queryLong(
                "select count(*) from (select a.asset from ledger_entry e join ledger_account a on a.id = e.account_id "
                        + "group by a.asset having sum(e.amount) <> 0) unbalanced"));
        As.user("admin1", "admin").when().get("/api/v1/wallet/admin/totals")
                .then().statusCode(200).body("balanced", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(true)));
    }

    private static long balance(String owner, String kind) {
        return TestDatabase.queryLong("select balance from ledger_account where owner_id = '" + owner
                + "' and kind = '" + kind + "'");
    }

    private static String adPosted(UUID ad, String owner, long quantityMicros) {
        return """
                {"adId":"%s","ownerId":"%s","market":"USDT-CNY","side":"SELL","priceMinor":720,
                 "quantityMicros":%d,"minOrderMinor":10000,"maxOrderMinor":500000,
                 "paymentMethods":["ALIPAY"],"paymentWindowMinutes":15}""".formatted(ad, owner, quantityMicros);
    }
}
