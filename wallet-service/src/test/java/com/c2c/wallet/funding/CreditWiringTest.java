package com.c2c.wallet.funding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.As;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** REST call → row in c2c_wallet → CloudEvent on c2c.wallet.events.v1, against the real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(KafkaResource.class)
class CreditWiringTest {

    @Test
    void creditIsStoredOnceAndAnnouncedOnce() {
        // an owner and a reference of this test alone: other tests (the hostile-input sweep) credit too
        String owner = "merchant-" + java.util.UUID.randomUUID();
        String reference = "seed-" + owner;
        String body = "{\"ownerId\":\"" + owner + "\",\"asset\":\"USDT\",\"amount\":\"2500.5\",\"reference\":\"" + reference + "\"}";
        try (TopicProbe events = TopicProbe.open(Topics.WALLET_EVENTS)) {
            As.user("admin1", "admin").contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/wallet/admin/credits")
                    .then().statusCode(201)
                    .body("amount", equalTo(2500.5f))
                    .body("kind", equalTo("ADMIN_DEV_CREDIT"));
            // The same command again moves nothing.
            As.user("admin1", "admin").contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/wallet/admin/credits")
                    .then().statusCode(200);

            assertEquals(2_500_500_000L, TestDatabase.queryLong(
                    "select sum(amount_micros) from funding_credit where owner_id = '" + owner + "'"));
            ConsumedEvent event = events.await(e -> EventTypes.FUNDS_CREDITED.equals(e.type())
                    && e.data().contains("\"reference\":\"" + reference + "\""), Duration.ofSeconds(20));
            assertEquals(owner, event.key());
            assertTrue(event.data().contains("\"amountMicros\":2500500000"), event.data());
            assertEquals(1, events.seen().stream().filter(e -> e.data().contains("\"reference\":\"" + reference + "\"")).count());
        }
    }

    @Test
    void reusedReferenceForAnotherAmountConflicts() {
        As.user("admin1", "admin").contentType(ContentType.JSON)
                .body("{\"ownerId\":\"bob\",\"asset\":\"USDT\",\"amount\":\"10\",\"reference\":\"seed-2\"}")
                .when().post("/api/v1/wallet/admin/credits").then().statusCode(201);
        As.user("admin1", "admin").contentType(ContentType.JSON)
                .body("{\"ownerId\":\"bob\",\"asset\":\"USDT\",\"amount\":\"11\",\"reference\":\"seed-2\"}")
                .when().post("/api/v1/wallet/admin/credits").then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(10_000_000L, TestDatabase.queryLong("select sum(amount_micros) from funding_credit where owner_id = 'bob'"));
    }

    @Test
    void amountWithSevenDecimalsIsRefused() {
        As.user("admin1", "admin").contentType(ContentType.JSON)
                .body("{\"ownerId\":\"carol\",\"asset\":\"USDT\",\"amount\":\"1.0000001\",\"reference\":\"seed-3\"}")
                .when().post("/api/v1/wallet/admin/credits")
                .then().statusCode(400)
                .body("errors.field", hasItem("amount"));
        assertEquals(0L, TestDatabase.queryLong("select count(*) from funding_credit where owner_id = 'carol'"));
    }

    @Test
    void onlyAnAdminMayCredit() {
        String body = "{\"ownerId\":\"dave\",\"asset\":\"USDT\",\"amount\":\"5\",\"reference\":\"seed-4\"}";
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/wallet/admin/credits")
                .then().statusCode(401).contentType("application/problem+json");
        As.user("dave", "arbiter").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/wallet/admin/credits")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("this needs the admin role"));
        assertEquals(0L, TestDatabase.queryLong("select count(*) from funding_credit where reference = 'seed-4'"));
        assertEquals(0L, TestDatabase.queryLong("select count(*) from ledger_account where owner_id = 'dave'"));
    }

    /** Credits with one reference at the same moment: one credit, the others its answer again (or 409), never a 500. */
    @Test
    void concurrentCreditsWithOneReferenceCreditOnceAndNeverFail() throws Exception {
        String owner = "grace-" + java.util.UUID.randomUUID();
        String reference = "race-" + owner;
        String same = "{\"ownerId\":\"" + owner + "\",\"asset\":\"USDT\",\"amount\":\"7\",\"reference\":\"" + reference + "\"}";
        String other = "{\"ownerId\":\"" + owner + "\",\"asset\":\"USDT\",\"amount\":\"8\",\"reference\":\"" + reference + "\"}";
        int callers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String body = i % 4 == 3 ? other : same;
                RequestSpecification admin = As.user("admin1", "admin").contentType(ContentType.JSON).body(body);
                statuses.add(pool.submit(() -> {
                    go.await();
                    return admin.when().post("/api/v1/wallet/admin/credits").then().extract().statusCode();
                }));
            }
            go.countDown();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (Future<Integer> status : statuses) {
                byStatus.merge(status.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertTrue(byStatus.keySet().stream().allMatch(s -> s == 201 || s == 200 || s == 409), byStatus.toString());
            assertEquals(1, byStatus.getOrDefault(201, 0) + 0, byStatus.toString());
            assertEquals(callers, byStatus.values().stream().mapToInt(Integer::intValue).sum());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, TestDatabase.queryLong("select count(*) from funding_credit where reference = '" + reference + "'"));
        assertEquals(1L, TestDatabase.queryLong(
                "select count(*) from ledger_posting where command_id = 'funding-credit:" + reference + "'"));
        long credited = TestDatabase.queryLong("select amount_micros from funding_credit where reference = '" + reference + "'");
        assertEquals(credited, TestDatabase.queryLong(
                "select balance from ledger_account where owner_id = '" + owner + "' and kind = 'AVAILABLE'"));
        As.user("admin1", "admin").when().get("/api/v1/wallet/admin/totals")
                .then().statusCode(200).body("balanced", org.hamcrest.Matchers.everyItem(equalTo(true)));
    }

    @Test
    void readinessIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
