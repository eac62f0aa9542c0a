package com.c2c.wallet.signer;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.testkit.As;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.chain.AnvilNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Sweeps on a real private Anvil (ADR 0014): a deposit address holding credited USDT and no native coin gets gas
 * from the hot wallet, then its credited tokens (never the uncredited dust beside them) go to the hot wallet, signed
 * with the address's own key derived from the deposit keystore; the ledger moves them between the two CUSTODY
 * accounts only when chain-watcher reports the sweep final, once; no user's balance changes. A blacklisted deposit
 * address is BLOCKED before any gas or nonce is spent, and not tried again while it stays blacklisted.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = FreshTopicResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.chain-events"))
@QuarkusTestResource(value = SweepChainResource.class, restrictToAnnotatedClass = true)
class SweepTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long USDT = 1_000_000L;
    /** Anvil gives ether to the first ten accounts of the mnemonic only: an index from here on has none. */
    private static final int FIRST_UNFUNDED_INDEX = 10;

    @Inject
    SignerLoop signer;
    @ConfigProperty(name = "c2c.in.chain-events")
    String chainEvents;

    @Test
    void creditedTokensAreSweptWithGasFromTheHotWalletAndPostedWhenFinal() throws Exception {
        AnvilNode chain = HotWalletChainResource.node();
        String hot = chain.account(HotWalletChainResource.HOT_WALLET_INDEX);
        String owner = "sweep-" + UUID.randomUUID().toString().substring(0, 8);
        String address = unfundedDepositAddress(owner);
        assertEquals(BigInteger.ZERO, ether(chain, address), "a deposit address starts without gas money");

        String deposit = chain.transfer(0, address, 30 * USDT);
        String dust = chain.transfer(0, address, USDT / 2);
        confirm(chain, deposit, address, owner, 30 * USDT);
        confirm(chain, dust, address, owner, USDT / 2);
        assertEquals(30 * USDT, balance(owner, "AVAILABLE"), "the deposit is credited, the dust is not");
        long hotBefore = chain.balanceOf(hot);
        long custodyHotBefore = custody(hot);

        signer.planSweepsNow();
        signer.planSweepsNow();
        assertEquals(1, count("purpose = 'SWEEP' and source_address = '" + address + "'"), "one sweep per address");
        String sweep = TestDatabase.queryString("select id from outgoing_transfer where purpose = 'SWEEP' and source_address = '"
                + address + "'");
        assertEquals(30 * USDT, TestDatabase.queryLong("select amount_micros from outgoing_transfer where id = '" + sweep
                + "'"), "what is credited, not the dust");

        await("sweep mined").atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
            signer.passNow();
            return "MINED".equals(state(sweep));
        });
        assertEquals(1, count("purpose = 'GAS' and to_address = '" + address + "' and state = 'MINED'"),
                "the hot wallet paid the address's gas, once");
        assertEquals(USDT / 2, chain.balanceOf(address), "the dust stays");
        assertEquals(hotBefore + 30 * USDT, chain.balanceOf(hot));
        String tx = TestDatabase.queryString("select mined_tx_hash from outgoing_transfer where id = '" + sweep + "'");
        assertEquals(address, chain.web3j().ethGetTransactionByHash(tx).send().getTransaction().orElseThrow().getFrom(),
                "signed with the deposit address's own key");
        assertEquals(-30 * USDT, custody(address), "not posted before the sweep is final");

        signer.planSweepsNow();
        assertEquals(1, count("purpose = 'SWEEP' and source_address = '" + address + "'"),
                "mined but not final: what is credited is no longer on chain, nothing more to sweep");

        String report = "{\"chainId\":31337,\"transferId\":\"" + sweep + "\",\"purpose\":\"SWEEP\",\"txHash\":\"" + tx
                + "\",\"nonce\":0,\"fromAddress\":\"" + address + "\",\"blockNumber\":" + chain.receipt(tx).getBlockNumber()
                + ",\"blockHash\":\"" + chain.receipt(tx).getBlockHash() + "\",\"confirmations\":3}";
        String once = UUID.randomUUID().toString();
        String again = UUID.randomUUID().toString();
        // a report of a sweep this wallet never made, ahead of the real one on the same key: poison, dead-lettered,
        // and the real one behind it is still applied (awaitApplied below)
        String poison = report.replace(sweep, "sweep:" + UUID.randomUUID());
        try (TestEvents events = new TestEvents()) {
            events.publish(chainEvents, sweep, UUID.randomUUID().toString(), EventTypes.OUTGOING_TRANSFER_CONFIRMED, poison);
            events.publish(chainEvents, sweep, once, EventTypes.OUTGOING_TRANSFER_CONFIRMED, report);
            events.publish(chainEvents, sweep, again, EventTypes.OUTGOING_TRANSFER_CONFIRMED, report);
        }
        awaitApplied(once, again);
        assertEquals(0, custody(address), "the deposit address's custody is emptied");
        assertEquals(custodyHotBefore - 30 * USDT, custody(hot), "the hot wallet holds it now");
        assertEquals(1, TestDatabase.queryLong("select count(*) from ledger_posting where command_id = 'sweep:" + sweep
                + "'"), "posted once");
        assertEquals(30 * USDT, balance(owner, "AVAILABLE"), "no user's balance moves");
        // conserved: what arrived on chain at the hot wallet is what its custody account took over; the deposit
        // address holds exactly the uncredited dust, which no custody account counts
        assertEquals(chain.balanceOf(hot) - hotBefore, custodyHotBefore - custody(hot));
        assertEquals(chain.balanceOf(address) - USDT / 2, -custody(address));
        ledgerBalances();

        signer.planSweepsNow();
        assertEquals(1, count("purpose = 'SWEEP' and source_address = '" + address + "'"), "nothing left to sweep");
    }

    @Test
    void aBlacklistedDepositAddressIsBlockedBeforeAnyGasOrNonceIsSpent() throws Exception {
        AnvilNode chain = HotWalletChainResource.node();
        String owner = "sweep-bl-" + UUID.randomUUID().toString().substring(0, 8);
        String address = unfundedDepositAddress(owner);
        confirm(chain, chain.transfer(0, address, 20 * USDT), address, owner, 20 * USDT);
        chain.blacklist(address);
        try {
            signer.planSweepsNow();
            String sweep = TestDatabase.queryString("select id from outgoing_transfer where purpose = 'SWEEP' and"
                    + " source_address = '" + address + "'");
            signer.passNow();
            assertEquals("BLOCKED", state(sweep));
            assertEquals("deposit-address-blacklisted", TestDatabase.queryString(
                    "select reason from outgoing_transfer where id = '" + sweep + "'"));
            assertEquals(0, count("purpose = 'GAS' and to_address = '" + address + "'"), "no gas sent to it");
            assertEquals(BigInteger.ZERO, ether(chain, address));
            assertEquals(0, TestDatabase.queryLong("select count(*) from signed_transaction where transfer_id = '"
                    + sweep + "'"), "no nonce used");

            signer.planSweepsNow();
            assertEquals(1, count("purpose = 'SWEEP' and source_address = '" + address + "'"),
                    "not queued again while it stays blacklisted");
        } finally {
            chain.unblacklist(address);
        }
        signer.planSweepsNow();
        assertEquals(1, count("purpose = 'SWEEP' and source_address = '" + address + "' and state = 'QUEUED'"),
                "off the blacklist, it is swept again");
        String again = TestDatabase.queryString("select id from outgoing_transfer where purpose = 'SWEEP' and state ="
                + " 'QUEUED' and source_address = '" + address + "'");
        await("sweep mined").atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
            signer.passNow();
            return "MINED".equals(state(again));
        });
        assertEquals(0, chain.balanceOf(address));
        assertEquals(-20 * USDT, custody(address), "the ledger never moved");
        ledgerBalances();
    }

    /** The owner's deposit address, at an index Anvil gave no ether: fillers take the funded indexes first (bounded). */
    private static String unfundedDepositAddress(String owner) {
        for (int i = 0; i < FIRST_UNFUNDED_INDEX && TestDatabase.queryLong("select coalesce(max(address_index) + 1, 0)"
                + " from deposit_address where chain_id = 31337") < FIRST_UNFUNDED_INDEX; i++) {
            depositAddress(owner + "-filler-" + i);
        }
        String address = depositAddress(owner);
        assertTrue(TestDatabase.queryLong("select address_index from deposit_address where address = '" + address
                + "'") >= FIRST_UNFUNDED_INDEX);
        return address;
    }

    private static String depositAddress(String owner) {
        return As.user(owner).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"chainId\":31337}").when().post("/api/v1/wallet/deposit-addresses").then().statusCode(201)
                .extract().jsonPath().getString("address").toLowerCase();
    }

    /** chain-watcher's DepositConfirmed for a real transfer, applied by the wallet. */
    private void confirm(AnvilNode chain, String tx, String address, String owner, long micros) {
        var receipt = chain.receipt(tx);
        String id = UUID.randomUUID().toString();
        String data = """
                {"chainId":31337,"txHash":"%s","logIndex":0,"blockNumber":%d,"blockHash":"%s","tokenContract":"%s",
                 "fromAddress":"%s","toAddress":"%s","ownerId":"%s","amountMicros":%d,"confirmations":3}"""
                .formatted(tx, receipt.getBlockNumber(), receipt.getBlockHash(), chain.tokenAddress(), chain.account(0),
                        address, owner, micros);
        try (TestEvents events = new TestEvents()) {
            events.publish(chainEvents, address, id, EventTypes.DEPOSIT_CONFIRMED, data);
        }
        awaitApplied(id);
    }

    private static void awaitApplied(String... ids) {
        String list = "'" + String.join("', '", ids) + "'";
        await().atMost(DEADLINE).until(() -> TestDatabase.queryLong("select count(*) from inbox_event where consumer ="
                + " 'wallet.chain-events' and event_id in (" + list + ")") == ids.length);
    }

    private static BigInteger ether(AnvilNode chain, String address) throws Exception {
        return chain.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
    }

    private static long custody(String address) {
        return TestDatabase.queryLong("select coalesce((select balance from ledger_account where owner_id = 'custody:31337:"
                + address + "' and kind = 'CUSTODY'), 0)");
    }

    private static long balance(String owner, String kind) {
        return TestDatabase.queryLong("select coalesce((select balance from ledger_account where owner_id = '" + owner
                + "' and asset = 'USDT' and kind = '" + kind + "'), 0)");
    }

    /** Every posting sums to zero and every balance equals its entries. */
    private static void ledgerBalances() {
        As.admin().when().get("/api/v1/wallet/admin/totals").then().statusCode(200)
                .body("find { it.asset == 'USDT' }.entriesSum", equalTo("0.000000"))
                .body("find { it.asset == 'USDT' }.balanced", equalTo(true));
    }

    private static long count(String where) {
        return TestDatabase.queryLong("select count(*) from outgoing_transfer where " + where);
    }

    private static String state(String id) {
        return TestDatabase.queryString("select state from outgoing_transfer where id = '" + id + "'");
    }
}
