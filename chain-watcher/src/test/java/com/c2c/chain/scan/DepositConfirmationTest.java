package com.c2c.chain.scan;

import static com.c2c.chain.scan.ChainFixture.WAIT;
import static com.c2c.chain.scan.ChainFixture.assign;
import static com.c2c.chain.scan.ChainFixture.chain;
import static com.c2c.chain.scan.ChainFixture.data;
import static com.c2c.chain.scan.ChainFixture.freshAddress;
import static com.c2c.chain.scan.ChainFixture.is;
import static com.c2c.chain.scan.ChainFixture.stateOf;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.As;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TopicProbe;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A deposit on a real Anvil node: detected, then confirmed at the required depth and not before. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_chain"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = FreshTopicResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.wallet-events"))
@QuarkusTestResource(value = AnvilChainResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "confirmations", value = "4"))
class DepositConfirmationTest {
    @Inject
    ChainScanners scanners;

    private void awaitScannedToHead() {
        long head = chain().blockNumber();
        await("scanned to " + head).atMost(WAIT).until(() -> scanners.status(31337).orElseThrow().cursor() >= head);
    }

    @Test
    void aDepositIsDetectedThenConfirmedAfterFourBlocksNotBefore() {
        String address = freshAddress();
        assign(address, "alice");
        try (TopicProbe events = TopicProbe.open(Topics.CHAIN_EVENTS)) {
            String tx = chain().transfer(0, address, 25_000_000L);
            long block = chain().receipt(tx).getBlockNumber().longValueExact();

            ConsumedEvent detected = events.await(e -> is(e, EventTypes.DEPOSIT_DETECTED, tx), WAIT);
            JsonNode d = data(detected);
            assertEquals(address, detected.key());
            assertEquals(31337, d.path("chainId").asLong());
            assertEquals(block, d.path("blockNumber").asLong());
            assertEquals(25_000_000L, d.path("amountMicros").asLong());
            assertEquals("alice", d.path("ownerId").asText());
            assertEquals(address, d.path("toAddress").asText());
            assertEquals(chain().tokenAddress(), d.path("tokenContract").asText());
            assertEquals(chain().account(0), d.path("fromAddress").asText());
            assertEquals(4, d.path("requiredConfirmations").asInt());

            // three confirmations (its block and two more): still pending
            chain().mine(2);
            awaitScannedToHead();
            assertEquals("DETECTED", stateOf(tx));
            // the event would have been written with the step that read the head: exact, no waiting needed
            assertEquals(0, ChainFixture.outboxCount(EventTypes.DEPOSIT_CONFIRMED, tx));

            chain().mine(1);
            ConsumedEvent confirmed = events.await(e -> is(e, EventTypes.DEPOSIT_CONFIRMED, tx), WAIT);
            assertEquals(4, data(confirmed).path("confirmations").asInt());
            assertEquals(block, data(confirmed).path("blockNumber").asLong());
            assertEquals(25_000_000L, data(confirmed).path("amountMicros").asLong());
            assertEquals("CONFIRMED", stateOf(tx));

            // more blocks change nothing: each state is announced once
            chain().mine(3);
            awaitScannedToHead();
            assertEquals(1, ChainFixture.outboxCount(EventTypes.DEPOSIT_DETECTED, tx));
            assertEquals(1, ChainFixture.outboxCount(EventTypes.DEPOSIT_CONFIRMED, tx));
            await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> events.seen().stream()
                    .filter(e -> is(e, EventTypes.DEPOSIT_DETECTED, tx) || is(e, EventTypes.DEPOSIT_CONFIRMED, tx))
                    .count() == 2);
        }
        As.user("ops1", "admin").queryParam("state", "CONFIRMED").when().get("/api/v1/chains/31337/deposits")
                .then().statusCode(200).body("items.toAddress", hasItem(address));
    }

    @Test
    void transfersOfAnotherContractOrToUnwatchedAddressesAreNeverReported() throws Exception {
        String watched = freshAddress();
        String unwatched = freshAddress();
        assign(watched, "bob");
        try (TopicProbe events = TopicProbe.open(Topics.CHAIN_EVENTS)) {
            String lookAlike = ChainFixture.lookAlikeTransfer(watched, 7_000_000L);
            String elsewhere = chain().transfer(0, unwatched, 3_000_000L);
            // a real one after both, so that once it is confirmed the scanner has read past them
            String real = chain().transfer(0, watched, 1_000_000L);
            chain().mine(4);
            events.await(e -> is(e, EventTypes.DEPOSIT_CONFIRMED, real), WAIT);
            assertEquals(0, events.seen().stream().filter(e -> {
                String tx = data(e).path("txHash").asText();
                return tx.equals(lookAlike) || tx.equals(elsewhere);
            }).count());
            assertEquals(1, TestDatabase.queryLong("select count(*) from deposit where to_address = '" + watched + "'"));
            assertEquals(0, TestDatabase.queryLong("select count(*) from deposit where to_address = '" + unwatched + "'"));
        }
    }

    @Test
    void aTransferTooLargeForMicroUnitsIsNeverReportedButShownToOperators() throws Exception {
        String address = freshAddress();
        assign(address, "erin");
        BigInteger tooLarge = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
        String tx = ChainFixture.issue(address, tooLarge);
        chain().mine(4);
        awaitScannedToHead();
        assertEquals("OVERSIZED", stateOf(tx));
        assertEquals(0, TestDatabase.queryLong("select count(*) from outbox_event where payload like '%" + tx + "%'"));
        As.user("ops1", "admin").queryParam("state", "OVERSIZED").when().get("/api/v1/chains/31337/deposits")
                .then().statusCode(200)
                .body("items.find { it.txHash == '" + tx + "' }.rawValue", equalTo(tooLarge.toString()))
                .body("items.find { it.txHash == '" + tx + "' }.amount", nullValue());
    }

    @Test
    void operatorsSeeTheChainsHeadCursorAndLag() {
        awaitScannedToHead();
        long head = chain().blockNumber();
        As.user("ops1", "admin").when().get("/api/v1/chains").then().statusCode(200)
                .body("[0].name", equalTo("local"))
                .body("[0].chainId", equalTo(31337))
                .body("[0].scanning", equalTo(true))
                .body("[0].confirmations", equalTo(4))
                .body("[0].tokenContract", equalTo(chain().tokenAddress()));
        await().atMost(WAIT).untilAsserted(() -> As.user("ops1", "admin").when().get("/api/v1/chains").then()
                .body("[0].head", equalTo((int) head)).body("[0].cursor", equalTo((int) head)).body("[0].lag", equalTo(0)));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract()
                .asString();
        assertTrue(metrics.contains("c2c_chain_head_block{chain=\"local\"}"), metrics);
        assertTrue(metrics.contains("c2c_chain_lag_blocks{chain=\"local\"} 0.0"));
        As.user("ops2").when().get("/api/v1/chains").then().statusCode(403);
    }
}
