package com.c2c.wallet.deposit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.chain.deposit.DepositAddressDeriver;
import com.c2c.chain.deposit.TestMnemonic;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.As;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.TopicProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Deposit addresses (derived from the account xpub, one per owner and chain) and chain-watcher's reports of
 * deposits to them: pending, credited once, never credited when dust, another token or reverted, flagged
 * when reorged after the credit; the ledger stays balanced and CUSTODY mirrors what was credited.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.chain-events"))
class DepositTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long CHAIN = 31337;
    /** The test profile's USDT contract (application.properties). */
    private static final String TOKEN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private static final DepositAddressDeriver ORACLE = DepositAddressDeriver.fromAccountXpub(TestMnemonic.ACCOUNT_XPUB);

    @ConfigProperty(name = "c2c.in.chain-events")
    String chainEvents;

    @Inject
    MeterRegistry meters;

    // --- addresses

    @Test
    void addressesAreTheAccountKeysBip44AddressesOnePerOwnerAndChain() {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        try (TopicProbe out = TopicProbe.open(Topics.WALLET_EVENTS)) {
            String aliceAddress = ask(alice, 201);
            String bobAddress = ask(bob, 201);
            assertEquals(aliceAddress, ask(alice, 200), "the same address on every later ask");
            assertTrue(!aliceAddress.equals(bobAddress));

            for (String owner : List.of(alice, bob)) {
                int index = (int) TestDatabase.queryLong("select address_index from deposit_address where owner_id = '"
                        + owner + "'");
                String shown = owner.equals(alice) ? aliceAddress : bobAddress;
                assertEquals(ORACLE.addressAt(index).toChecksummed(), shown, "index " + index);
                var assigned = out.await(e -> EventTypes.DEPOSIT_ADDRESS_ASSIGNED.equals(e.type()) && owner.equals(e.key()),
                        DEADLINE);
                assertTrue(assigned.data().contains("\"address\":\"" + shown.toLowerCase() + "\""), assigned.data());
                assertTrue(assigned.data().contains("\"addressIndex\":" + index), assigned.data());
            }
        }
        // indexes 0 and 1 (given by now, to these or earlier owners) are Anvil's dev accounts 0 and 1
        for (int i = 0; i < 2; i++) {
            assertEquals(TestMnemonic.ANVIL_ADDRESSES.get(i).toLowerCase(), TestDatabase.queryString(
                    "select address from deposit_address where chain_id = 31337 and address_index = " + i));
        }
        // indexes are consecutive and never shared
        assertEquals(0L, TestDatabase.queryLong("select count(*) from (select address_index from deposit_address "
                + "group by chain_id, address_index having count(*) > 1) shared"));
        assertEquals(TestDatabase.queryLong("select count(*) from deposit_address where chain_id = 31337"),
                TestDatabase.queryLong("select max(address_index) + 1 from deposit_address where chain_id = 31337"));

        String cursor = As.user(alice).when().get("/api/v1/wallet/deposit-addresses?limit=1").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].chainId", equalTo((int) CHAIN))
                .body("items[0].address", equalTo(ask(alice, 200)))
                .body("hasMore", equalTo(false))
                .extract().jsonPath().getString("nextCursor");
        // the page after it is empty; someone else's list never shows alice's address
        As.user(alice).queryParam("cursor", cursor).when().get("/api/v1/wallet/deposit-addresses").then().statusCode(200)
                .body("items.size()", equalTo(0));
        As.user("nobody-" + UUID.randomUUID()).when().get("/api/v1/wallet/deposit-addresses").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void concurrentFirstAsksGiveOneAddress() throws Exception {
        String owner = "racer-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Response> call = () -> As.user(owner).contentType(ContentType.JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .body("{\"chainId\":31337}").when().post("/api/v1/wallet/deposit-addresses");
                answers.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            Set<String> addresses = new java.util.HashSet<>();
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                statuses.add(r.statusCode());
                addresses.add(r.jsonPath().getString("address"));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(1, addresses.size(), addresses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, TestDatabase.queryLong("select count(*) from deposit_address where owner_id = '" + owner + "'"));
        assertEquals(1L, TestDatabase.queryLong("select count(*) from outbox_event where type = '"
                + EventTypes.DEPOSIT_ADDRESS_ASSIGNED + "' and record_key = '" + owner + "'"));
    }

    @Test
    void anUnsupportedOrMissingChainIsA400NamingChainId() {
        String owner = "lost-" + UUID.randomUUID();
        for (String body : List.of("{\"chainId\":1}", "{\"chainId\":-31337}", "{}", "{\"chainId\":null}",
                "{\"chainId\":\"abc\"}", "{\"chainId\":1e40}")) {
            As.user(owner).contentType(ContentType.JSON).body(body).when().post("/api/v1/wallet/deposit-addresses")
                    .then().statusCode(400).body("errors[0].field", equalTo("chainId"));
        }
        assertEquals(0L, TestDatabase.queryLong("select count(*) from deposit_address where owner_id = '" + owner + "'"));
    }

    // --- deposits

    @Test
    void aDetectedDepositIsPendingThenCreditedOnceWhenConfirmedEvenDeliveredTwice() {
        String owner = "depositor-" + UUID.randomUUID();
        String address = ask(owner, 201).toLowerCase();
        String tx = randomHash();
        String block = randomHash();
        try (TestEvents events = new TestEvents()) {
            apply(events, address, EventTypes.DEPOSIT_DETECTED, detected(tx, 0, block, TOKEN, address, owner, 25_000_000L));
            assertBalance(owner, "0", "25");

            String confirmed = confirmed(tx, 0, block, TOKEN, address, owner, 25_000_000L);
            String id = apply(events, address, EventTypes.DEPOSIT_CONFIRMED, confirmed);
            assertBalance(owner, "25", "0");
            // the same record again (dropped by the inbox) and the same report under a new id (the ledger's command id)
            events.publish(chainEvents, address, id, EventTypes.DEPOSIT_CONFIRMED, confirmed);
            apply(events, address, EventTypes.DEPOSIT_CONFIRMED, confirmed);
            apply(events, address, EventTypes.DEPOSIT_DETECTED, detected(tx, 0, block, TOKEN, address, owner, 25_000_000L));
        }
        assertBalance(owner, "25", "0");
        assertEquals("CONFIRMED", state(tx, 0));
        assertEquals(1L, TestDatabase.queryLong("select count(*) from ledger_posting where command_id = 'deposit:31337:"
                + tx + ":0'"));
        assertEquals(-25_000_000L, custody(address));
        assertEquals(1L, TestDatabase.queryLong("select count(*) from outbox_event where type = '" + EventTypes.FUNDS_CREDITED
                + "' and payload like '%deposit:31337:" + tx + ":0%'"));
        assertConserved();
    }

    @Test
    void dustAndAForeignTokenAreRecordedButNeverCreditedAndAConfirmationAloneCredits() {
        String owner = "duster-" + UUID.randomUUID();
        String address = ask(owner, 201).toLowerCase();
        String dust = randomHash();
        String foreign = randomHash();
        String plain = randomHash();
        double before = count(DepositCrediting.UNCREDITED_METRIC, "BELOW_MINIMUM")
                + count(DepositCrediting.UNCREDITED_METRIC, "FOREIGN_TOKEN");
        try (TestEvents events = new TestEvents()) {
            apply(events, address, EventTypes.DEPOSIT_DETECTED, detected(dust, 1, randomHash(), TOKEN, address, owner, 999_999L));
            assertBalance(owner, "0", "0");
            apply(events, address, EventTypes.DEPOSIT_CONFIRMED, confirmed(dust, 1, randomHash(), TOKEN, address, owner, 999_999L));
            apply(events, address, EventTypes.DEPOSIT_CONFIRMED,
                    confirmed(foreign, 2, randomHash(), "0x" + "de".repeat(20), address, owner, 50_000_000L));
            // no DepositDetected before it (a compacted or replayed topic): still credited, once
            apply(events, address, EventTypes.DEPOSIT_CONFIRMED, confirmed(plain, 3, randomHash(), TOKEN, address, owner, 1_000_000L));
        }
        assertEquals("UNCREDITED", state(dust, 1));
        assertTrue(TestDatabase.queryString("select reason from deposit where tx_hash = '" + dust + "'").startsWith("BELOW_MINIMUM"));
        assertEquals("UNCREDITED", state(foreign, 2));
        assertTrue(TestDatabase.queryString("select reason from deposit where tx_hash = '" + foreign + "'").startsWith("FOREIGN_TOKEN"));
        assertEquals("CONFIRMED", state(plain, 3));
        assertEquals(before + 2, count(DepositCrediting.UNCREDITED_METRIC, "BELOW_MINIMUM")
                + count(DepositCrediting.UNCREDITED_METRIC, "FOREIGN_TOKEN"));
        assertBalance(owner, "1", "0");
        assertEquals(0L, TestDatabase.queryLong("select count(*) from ledger_posting where command_id in ('deposit:31337:"
                + dust + ":1', 'deposit:31337:" + foreign + ":2')"));
        assertEquals(-1_000_000L, custody(address));
        assertConserved();
    }

    @Test
    void aRevertedDepositIsNeverCreditedByAStaleConfirmationButIsWhenConfirmedInItsNewBlock() {
        String owner = "reverted-" + UUID.randomUUID();
        String address = ask(owner, 201).toLowerCase();
        String tx = randomHash();
        String left = randomHash();
        try (TestEvents events = new TestEvents()) {
            apply(events, address, EventTypes.DEPOSIT_DETECTED, detected(tx, 0, left, TOKEN, address, owner, 7_000_000L));
            assertBalance(owner, "0", "7");
            apply(events, address, EventTypes.DEPOSIT_REVERTED, reverted(tx, 0, left, address, owner, 7_000_000L));
            assertBalance(owner, "0", "0");
            assertEquals("REVERTED", state(tx, 0));
            // a confirmation of the block it left (out of order): nothing
            apply(events, address, EventTypes.DEPOSIT_CONFIRMED, confirmed(tx, 0, left, TOKEN, address, owner, 7_000_000L));
            assertEquals("REVERTED", state(tx, 0));
            assertBalance(owner, "0", "0");
            assertEquals(0L, custody(address));

            // the transaction comes back in another block: pending again, then credited there
            String again = randomHash();
            apply(events, address, EventTypes.DEPOSIT_DETECTED, detected(tx, 0, again, TOKEN, address, owner, 7_000_000L));
            assertBalance(owner, "0", "7");
            apply(events, address, EventTypes.DEPOSIT_CONFIRMED, confirmed(tx, 0, again, TOKEN, address, owner, 7_000_000L));
        }
        assertBalance(owner, "7", "0");
        assertEquals("CONFIRMED", state(tx, 0));
        assertConserved();
    }

    @Test
    void aDepositReorgedAfterItsCreditIsFlaggedCountedAndNotDebited() {
        String owner = "reorged-" + UUID.randomUUID();
        String address = ask(owner, 201).toLowerCase();
        String tx = randomHash();
        String block = randomHash();
        double before = count(DepositCrediting.REORGED_METRIC, null);
        try (TestEvents events = new TestEvents()) {
            apply(events, address, EventTypes.DEPOSIT_DETECTED, detected(tx, 4, block, TOKEN, address, owner, 3_000_000L));
            apply(events, address, EventTypes.DEPOSIT_CONFIRMED, confirmed(tx, 4, block, TOKEN, address, owner, 3_000_000L));
            assertBalance(owner, "3", "0");
            apply(events, address, EventTypes.CONFIRMED_DEPOSIT_REORGED, reorged(tx, 4, block, address, owner, 3_000_000L));
            // a late DepositReverted does not reopen a credited deposit either
            apply(events, address, EventTypes.DEPOSIT_REVERTED, reverted(tx, 4, block, address, owner, 3_000_000L));
        }
        assertEquals("REORGED_AFTER_CREDIT", state(tx, 4));
        assertEquals(before + 1, count(DepositCrediting.REORGED_METRIC, null));
        assertBalance(owner, "3", "0");
        assertEquals(-3_000_000L, custody(address));
        // the credited deposit's amount and credit are final, even for the ledger's owner-less service role
        assertTrue(TestDatabase.asService("update deposit set amount_micros = 1 where tx_hash = '" + tx + "'") != null);
        assertTrue(TestDatabase.asService("delete from deposit where tx_hash = '" + tx + "'") != null);
        assertTrue(TestDatabase.asService("update deposit_address set owner_id = 'thief' where owner_id = '" + owner + "'") != null);
        assertConserved();
    }

    @Test
    void theServiceCannotOpenANegativeAccountForAnOwner() {
        String owner = "neg-" + UUID.randomUUID();
        var refused = TestDatabase.asService("insert into ledger_account (owner_id, asset, kind, allow_negative) "
                + "values ('" + owner + "', 'XTS', 'CUSTODY', true)");
        assertTrue(refused != null && refused.getMessage().contains("ledger_account_custody_of_addresses"), String.valueOf(refused));
        refused = TestDatabase.asService("insert into ledger_account (owner_id, asset, kind, allow_negative) "
                + "values ('" + owner + "', 'XTS', 'AVAILABLE', true)");
        assertTrue(refused != null && refused.getMessage().contains("ledger_account_negative_only_contra"), String.valueOf(refused));
    }

    // --- helpers

    private static String ask(String owner, int status) {
        return As.user(owner).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"chainId\":31337}").when().post("/api/v1/wallet/deposit-addresses")
                .then().statusCode(status).body("chainId", equalTo((int) CHAIN))
                .extract().jsonPath().getString("address");
    }

    /** Publishes a report keyed by the address, as chain-watcher does, and waits until the wallet applied it. */
    private String apply(TestEvents events, String address, String type, String data) {
        String id = UUID.randomUUID().toString();
        events.publish(chainEvents, address, id, type, data);
        await().atMost(DEADLINE).until(() -> TestDatabase.queryLong(
                "select count(*) from inbox_event where consumer = 'wallet.chain-events' and event_id = '" + id + "'") == 1);
        return id;
    }

    private static void assertBalance(String owner, String available, String pending) {
        Response r = As.admin().when().get("/api/v1/wallet/admin/balances/" + owner);
        r.then().statusCode(200);
        List<Object> rows = r.jsonPath().getList("findAll { it.asset == 'USDT' }");
        BigDecimal a = rows.isEmpty() ? BigDecimal.ZERO : new BigDecimal(r.jsonPath().getString("find { it.asset == 'USDT' }.available"));
        BigDecimal p = rows.isEmpty() ? BigDecimal.ZERO : new BigDecimal(r.jsonPath().getString("find { it.asset == 'USDT' }.pending"));
        assertEquals(0, new BigDecimal(available).compareTo(a), "available of " + owner + ": " + r.asString());
        assertEquals(0, new BigDecimal(pending).compareTo(p), "pending of " + owner + ": " + r.asString());
        // the owner sees the same
        if (!rows.isEmpty()) {
            As.user(owner).when().get("/api/v1/wallet/balances").then().statusCode(200)
                    .body("find { it.asset == 'USDT' }.pending", equalTo(p.floatValue()));
        }
    }

    private static String state(String tx, int logIndex) {
        return TestDatabase.queryString("select state from deposit where chain_id = 31337 and tx_hash = '" + tx
                + "' and log_index = " + logIndex);
    }

    private static long custody(String address) {
        return TestDatabase.queryLong("select coalesce((select balance from ledger_account where owner_id = 'custody:31337:"
                + address + "' and kind = 'CUSTODY'), 0)");
    }

    /**
     * Every posting balances, every balance equals its entries, and all CUSTODY accounts together are exactly
     * minus what the wallet credited from deposits.
     */
    private static void assertConserved() {
        assertEquals(0L, TestDatabase.queryLong(
                "select count(*) from (select asset from ledger_account group by asset having sum(balance) <> 0) b"));
        assertEquals(0L, TestDatabase.queryLong("select count(*) from ledger_account a where a.balance <> "
                + "(select coalesce(sum(amount), 0) from ledger_entry e where e.account_id = a.id)"));
        assertEquals(TestDatabase.queryLong("select coalesce(sum(amount_micros), 0) from deposit where credited_at is not null"),
                -TestDatabase.queryLong("select coalesce(sum(balance), 0) from ledger_account where kind = 'CUSTODY'"));
        As.admin().when().get("/api/v1/wallet/admin/totals")
                .then().statusCode(200).body("balanced", everyItem(equalTo(true)));
    }

    private double count(String metric, String reason) {
        var search = meters.find(metric).tag("chain", "31337");
        if (reason != null) {
            search = search.tag("reason", reason);
        }
        Counter counter = search.counter();
        return counter == null ? 0 : counter.count();
    }

    private static String randomHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    private static String detected(String tx, int logIndex, String block, String token, String to, String owner, long micros) {
        return """
                {"chainId":31337,"txHash":"%s","logIndex":%d,"blockNumber":100,"blockHash":"%s","tokenContract":"%s",
                 "fromAddress":"0x%s","toAddress":"%s","ownerId":"%s","amountMicros":%d,"requiredConfirmations":3}"""
                .formatted(tx, logIndex, block, token, "11".repeat(20), to, owner, micros);
    }

    private static String confirmed(String tx, int logIndex, String block, String token, String to, String owner, long micros) {
        return """
                {"chainId":31337,"txHash":"%s","logIndex":%d,"blockNumber":100,"blockHash":"%s","tokenContract":"%s",
                 "fromAddress":"0x%s","toAddress":"%s","ownerId":"%s","amountMicros":%d,"confirmations":3}"""
                .formatted(tx, logIndex, block, token, "11".repeat(20), to, owner, micros);
    }

    private static String reverted(String tx, int logIndex, String block, String to, String owner, long micros) {
        return """
                {"chainId":31337,"txHash":"%s","logIndex":%d,"blockNumber":100,"blockHash":"%s","toAddress":"%s",
                 "ownerId":"%s","amountMicros":%d,"reason":"block left the chain"}"""
                .formatted(tx, logIndex, block, to, owner, micros);
    }

    private static String reorged(String tx, int logIndex, String block, String to, String owner, long micros) {
        return """
                {"chainId":31337,"txHash":"%s","logIndex":%d,"blockNumber":100,"blockHash":"%s","toAddress":"%s",
                 "ownerId":"%s","amountMicros":%d,"depth":5}"""
                .formatted(tx, logIndex, block, to, owner, micros);
    }
}
