package com.c2c.wallet.custody;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.testkit.As;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.chain.AnvilNode;
import com.c2c.wallet.signer.SignerLoop;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The custody report against a real private Anvil, as one story on one chain: a deposit credited shows at its
 * address on chain and in the ledger with no difference; dust is uncredited, not a difference; a deposit not yet
 * confirmed is pending (in flight); USDT sent straight to the hot wallet from outside is a
 * difference of exactly that; a withdrawal signed and broadcast is in flight, still in flight once mined, and
 * settled by chain-watcher's confirmation it leaves the difference at the outside transfer again. After each step
 * the ledger's side conserves money: custody + development credits = users + fees.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = FreshTopicResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.chain-events"))
@QuarkusTestResource(value = CustodyChainResource.class, restrictToAnnotatedClass = true)
class CustodyReportTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long USDT = 1_000_000L;
    private static final String TO = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @Inject
    SignerLoop signer;
    @ConfigProperty(name = "c2c.in.chain-events")
    String chainEvents;

    @Test
    void theReportShowsDepositsOutsideTransfersAndWithdrawalsInFlightAgainstTheLedger() throws Exception {
        AnvilNode chain = CustodyChainResource.node();
        String hot = chain.account(CustodyChainResource.HOT_WALLET_INDEX).toLowerCase();
        String owner = "custodian-" + UUID.randomUUID().toString().substring(0, 8);

        // 1. a deposit of 25 USDT to the owner's address, confirmed: on chain and in the ledger, no difference
        String address = As.user(owner).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"chainId\":31337}").when().post("/api/v1/wallet/deposit-addresses")
                .then().statusCode(201).extract().jsonPath().getString("address").toLowerCase();
        // other owners' addresses, empty: read in the same batches (batch size 2), not listed
        for (int i = 0; i < 3; i++) {
            As.user("bystander-" + UUID.randomUUID()).contentType(ContentType.JSON).header("Idempotency-Key",
                    UUID.randomUUID().toString()).body("{\"chainId\":31337}").when().post("/api/v1/wallet/deposit-addresses")
                    .then().statusCode(201);
        }
        String tx = chain.transfer(0, address, 25 * USDT);
        report(EventTypes.DEPOSIT_CONFIRMED, chain.receipt(tx), address, owner, 25 * USDT);

        JsonPath report = report();
        JsonPath chain31337 = chainOf(report);
        assertEquals(address, chain31337.getString("addresses.find { it.role == 'DEPOSIT' }.address"));
        assertEquals(owner, chain31337.getString("addresses.find { it.address == '" + address + "' }.ownerId"));
        assertAmount("25", chain31337.getString("addresses.find { it.address == '" + address + "' }.onChain"));
        assertAmount("25", chain31337.getString("addresses.find { it.address == '" + address + "' }.ledgerCustody"));
        assertAmount("0", chain31337.getString("addresses.find { it.address == '" + address + "' }.difference"));
        assertEquals(5, chain31337.getInt("addressesRead"), "four deposit addresses and the hot wallet");
        assertEquals(2, chain31337.getList("addresses").size(), "only the address holding USDT, and the hot wallet");
        assertAmount("25", chain31337.getString("onChainTotal"));
        assertAmount("25", chain31337.getString("ledgerCustody"));
        assertAmount("0", chain31337.getString("difference"));
        assertEquals(0, chain31337.getInt("inFlight.outgoingCount"));
        assertTrue(chain31337.getBoolean("reconciled"));
        assertTrue(report.getBoolean("reconciled"));
        assertEquals(hot, chain31337.getString("hotWallet.address"));
        assertTrue(chain31337.getBoolean("hotWallet.gasLow"), "a dev account's 10000 ETH is below the test's threshold");
        assertTrue(new BigDecimal(chain31337.getString("hotWallet.gasBalance")).signum() > 0);
        assertLedger(report, "25", "0", "25");

        // 1b. dust (0.5 USDT, below the minimum) to the same address: recorded UNCREDITED, so no difference either
        String dust = chain.transfer(0, address, USDT / 2);
        report(EventTypes.DEPOSIT_CONFIRMED, chain.receipt(dust), address, owner, USDT / 2);
        assertEquals("UNCREDITED", TestDatabase.queryString("select state from deposit where tx_hash = '" + dust + "'"));
        report = report();
        chain31337 = chainOf(report);
        assertAmount("25.5", chain31337.getString("onChainTotal"));
        assertAmount("0.5", chain31337.getString("uncredited"));
        assertAmount("0.5", chain31337.getString("addresses.find { it.address == '" + address + "' }.uncredited"));
        assertAmount("0", chain31337.getString("difference"));
        assertTrue(chain31337.getBoolean("reconciled"));
        assertAmount("0.5", report.getString("ledger.uncredited"));
        assertAmount("25.5", report.getString("ledger.liabilities"), "users + fees + uncredited");

        // 1c. 5 USDT seen on chain, not yet at the depth: pending, a difference in flight; confirmed, none
        String five = chain.transfer(0, address, 5 * USDT);
        report(EventTypes.DEPOSIT_DETECTED, chain.receipt(five), address, owner, 5 * USDT);
        chain31337 = chainOf(report());
        assertAmount("5", chain31337.getString("difference"));
        assertEquals(1, chain31337.getInt("inFlight.pendingDepositsCount"));
        assertAmount("5", chain31337.getString("inFlight.pendingDepositsTotal"));
        assertAmount("5", chain31337.getString("addresses.find { it.address == '" + address + "' }.pendingDeposits"));
        assertFalse(chain31337.getBoolean("reconciled"));
        report(EventTypes.DEPOSIT_CONFIRMED, chain.receipt(five), address, owner, 5 * USDT);
        report = report();
        chain31337 = chainOf(report);
        assertAmount("30.5", chain31337.getString("onChainTotal"));
        assertAmount("30", chain31337.getString("ledgerCustody"));
        assertAmount("0", chain31337.getString("difference"));
        assertEquals(0, chain31337.getInt("inFlight.pendingDepositsCount"));
        assertTrue(chain31337.getBoolean("reconciled"));
        assertLedger(report, "30", "0", "30");

        // 2. 50 USDT sent straight to the hot wallet from outside the platform: a difference of exactly that
        chain.transfer(0, hot, 50 * USDT);
        report = report();
        chain31337 = chainOf(report);
        assertAmount("80.5", chain31337.getString("onChainTotal"));
        assertAmount("30", chain31337.getString("ledgerCustody"));
        assertAmount("50", chain31337.getString("difference"));
        assertAmount("50", chain31337.getString("hotWallet.onChain"));
        assertAmount("50", chain31337.getString("addresses.find { it.role == 'HOT_WALLET' }.difference"));
        assertFalse(chain31337.getBoolean("reconciled"));
        assertFalse(report.getBoolean("reconciled"));

        // 3. a withdrawal of 10 (fee 1), signed and broadcast while the node does not mine: in flight
        TestDatabase.update("insert into withdrawal_address (owner_id, chain_id, address, first_confirmed_at) values ('"
                + owner + "', 31337, '" + TO.toLowerCase() + "', now())");
        String id = As.user(owner).contentType(ContentType.JSON).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body(Map.of("chainId", 31337, "toAddress", TO, "amount", "10"))
                .when().post("/api/v1/wallet/withdrawals").then().statusCode(201).body("state", equalTo("APPROVED"))
                .extract().path("id");
        chain.setAutomine(false);
        try {
            await("broadcast").atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
                signer.passNow();
                return "BROADCAST".equals(transferState(id));
            });
            chain31337 = chainOf(report());
            assertEquals(1, chain31337.getInt("inFlight.outgoingCount"));
            assertAmount("10", chain31337.getString("inFlight.outgoingTotal"));
            assertEquals(id, chain31337.getString("inFlight.outgoing[0].transferId"));
            assertEquals("BROADCAST", chain31337.getString("inFlight.outgoing[0].state"));
            assertEquals(hot, chain31337.getString("inFlight.outgoing[0].fromAddress"));
            assertAmount("50", chain31337.getString("difference"), "nothing has left the chain yet");
            assertLedger(report(), "30", "0", "30"); // the hold is still the owner's (WITHDRAWING)

            // mined, not yet at the chain's depth: the tokens left, the ledger still holds them; still in flight
            chain.mine(1);
        } finally {
            chain.setAutomine(true);
        }
        await("mined").atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
            signer.passNow();
            return "MINED".equals(transferState(id));
        });
        chain31337 = chainOf(report());
        assertEquals(1, chain31337.getInt("inFlight.outgoingCount"));
        assertEquals("MINED", chain31337.getString("inFlight.outgoing[0].state"));
        assertAmount("40", chain31337.getString("difference"), "10 left the hot wallet, the ledger not yet");

        // 4. chain-watcher confirms it at the depth: settled (10 out of the hot wallet's custody, 1 to fees)
        String txHash = TestDatabase.queryString("select mined_tx_hash from outgoing_transfer where id = '" + id + "'");
        TransactionReceipt mined = chain.receipt(txHash);
        publishAndApply(id, EventTypes.OUTGOING_TRANSFER_CONFIRMED, "{\"chainId\":31337,\"transferId\":\"" + id
                + "\",\"purpose\":\"WITHDRAWAL\",\"txHash\":\"" + txHash + "\",\"nonce\":0,\"fromAddress\":\"" + hot
                + "\",\"blockNumber\":" + mined.getBlockNumber() + ",\"blockHash\":\"" + mined.getBlockHash()
                + "\",\"confirmations\":3}");
        report = report();
        chain31337 = chainOf(report);
        assertEquals(0, chain31337.getInt("inFlight.outgoingCount"));
        assertAmount("70.5", chain31337.getString("onChainTotal"));
        assertAmount("20", chain31337.getString("ledgerCustody"));
        assertAmount("50", chain31337.getString("difference"), "exactly the outside transfer again");
        assertAmount("-10", chain31337.getString("addresses.find { it.role == 'HOT_WALLET' }.ledgerCustody"));
        assertLedger(report, "19", "1", "20");
        assertEquals(70 * USDT + USDT / 2, chain.balanceOf(address) + chain.balanceOf(hot), "the report's chain total is the node's");
    }

    @Test
    void onlyAdminsMayReadIt() {
        As.user("custody-trader").when().get("/api/v1/wallet/custody").then().statusCode(403)
                .contentType("application/problem+json");
        io.restassured.RestAssured.given().when().get("/api/v1/wallet/custody").then().statusCode(401);
    }

    private static JsonPath report() {
        return As.admin().when().get("/api/v1/wallet/custody").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath chainOf(JsonPath report) {
        List<Map<String, Object>> chains = report.getList("chains");
        assertEquals(1, chains.size(), report.prettify());
        return JsonPath.from(report.prettify()).setRootPath("chains[0]");
    }

    /**
     * Money is conserved on the ledger's side: users + fees = custody + development credits (none here), and the
     * report's figures are the ledger's own.
     */
    private static void assertLedger(JsonPath report, String users, String fees, String custody) {
        assertAmount(users, report.getString("ledger.users"));
        assertAmount(fees, report.getString("ledger.fees"));
        assertAmount(custody, report.getString("ledger.custody"));
        assertAmount("0", report.getString("ledger.externalFunding"));
        assertTrue(report.getBoolean("ledger.balanced"));
        assertEquals(0, new BigDecimal(users).add(new BigDecimal(fees)).compareTo(new BigDecimal(custody)));
        assertEquals(0L, TestDatabase.queryLong(
                "select count(*) from (select asset from ledger_account group by asset having sum(balance) <> 0) b"));
        assertEquals(-TestDatabase.queryLong("select coalesce(sum(balance), 0) from ledger_account where kind = 'CUSTODY'"),
                new BigDecimal(custody).movePointRight(6).longValueExact());
    }

    /** chain-watcher's report of a real transfer (DepositDetected or DepositConfirmed), applied by the wallet. */
    private void report(String type, TransactionReceipt receipt, String address, String owner, long micros) {
        String data = """
                {"chainId":31337,"txHash":"%s","logIndex":%d,"blockNumber":%d,"blockHash":"%s","tokenContract":"%s",
                 "fromAddress":"%s","toAddress":"%s","ownerId":"%s","amountMicros":%d,"%s":3}"""
                .formatted(receipt.getTransactionHash(), receipt.getLogs().getFirst().getLogIndex().intValue(),
                        receipt.getBlockNumber().longValue(), receipt.getBlockHash(),
                        CustodyChainResource.node().tokenAddress(), CustodyChainResource.node().account(0), address, owner,
                        micros, EventTypes.DEPOSIT_DETECTED.equals(type) ? "requiredConfirmations" : "confirmations");
        publishAndApply(address, type, data);
    }

    private void publishAndApply(String key, String type, String data) {
        String eventId = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents()) {
            events.publish(chainEvents, key, eventId, type, data);
        }
        await().atMost(DEADLINE).until(() -> TestDatabase.queryLong("select count(*) from inbox_event where consumer ="
                + " 'wallet.chain-events' and event_id = '" + eventId + "'") == 1);
    }

    private static String transferState(String id) {
        return TestDatabase.queryString("select state from outgoing_transfer where id = '" + id + "'");
    }

    private static void assertAmount(String expected, String actual) {
        assertAmount(expected, actual, null);
    }

    private static void assertAmount(String expected, String actual, String message) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)), (message == null ? "" : message + ": ")
                + "expected " + expected + ", got " + actual);
        assertTrue(new BigDecimal(actual).scale() >= 6, "scale 6: " + actual);
    }
}
