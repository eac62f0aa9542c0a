package com.c2c.wallet.withdrawal;

import static com.c2c.wallet.withdrawal.WithdrawalTest.TO;
import static com.c2c.wallet.withdrawal.WithdrawalTest.balance;
import static com.c2c.wallet.withdrawal.WithdrawalTest.funded;
import static com.c2c.wallet.withdrawal.WithdrawalTest.key;
import static com.c2c.wallet.withdrawal.WithdrawalTest.known;
import static com.c2c.wallet.withdrawal.WithdrawalTest.ledgerBalances;
import static com.c2c.wallet.withdrawal.WithdrawalTest.request;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.events.EventTypes;
import com.c2c.testkit.As;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.chain.AnvilNode;
import com.c2c.wallet.signer.HotWalletChainResource;
import com.c2c.wallet.signer.SignerLoop;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A withdrawal from request to chain on a real private Anvil: approved, it is queued for the signer in the same
 * transaction; the signer's signing and broadcast move it to SIGNED and BROADCAST; the tokens arrive; chain-watcher's
 * report at the chain's depth settles the hold to the hot wallet's custody and fees, once. Cancelled before signing,
 * nothing is sent; once signed, it can no longer be cancelled.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = FreshTopicResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.chain-events"))
@QuarkusTestResource(value = HotWalletChainResource.class, restrictToAnnotatedClass = true)
class WithdrawalSendingTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long USDT = 1_000_000L;

    @Inject
    SignerLoop signer;
    @ConfigProperty(name = "c2c.in.chain-events")
    String chainEvents;

    @Test
    void anApprovedWithdrawalIsSignedSentAndSettledAtTheChainsDepthOnce() throws Exception {
        AnvilNode chain = HotWalletChainResource.node();
        String hot = chain.account(HotWalletChainResource.HOT_WALLET_INDEX);
        String owner = funded("w-send", 100);
        known(owner);
        long arrivedBefore = chain.balanceOf(TO);
        String id = request(owner, key(), "10").statusCode(201).body("state", equalTo("APPROVED")).extract().path("id");
        assertEquals("QUEUED", transferState(id), "approved and queued for the signer in one transaction");

        passUntilSent(id);
        String tx = TestDatabase.queryString("select tx_hash from withdrawal where id = '" + id + "'");
        assertEquals(tx, chain.receipt(tx).getTransactionHash());
        assertEquals(arrivedBefore + 10 * USDT, chain.balanceOf(TO), "the amount arrived; the fee stays with the platform");
        assertEquals(11 * USDT, balance(owner, "WITHDRAWING"), "held until the chain's depth");

        // chain-watcher's report at the depth, delivered twice: settled once
        String report = "{\"chainId\":31337,\"transferId\":\"" + id + "\",\"purpose\":\"WITHDRAWAL\",\"txHash\":\"" + tx
                + "\",\"nonce\":0,\"fromAddress\":\"" + hot + "\",\"blockNumber\":"
                + chain.receipt(tx).getBlockNumber() + ",\"blockHash\":\"" + chain.receipt(tx).getBlockHash()
                + "\",\"confirmations\":3}";
        String once = UUID.randomUUID().toString();
        String again = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents()) {
            events.publish(chainEvents, id, once, EventTypes.OUTGOING_TRANSFER_CONFIRMED, report);
            events.publish(chainEvents, id, again, EventTypes.OUTGOING_TRANSFER_CONFIRMED, report);
        }
        await().atMost(DEADLINE).until(() -> TestDatabase.queryLong("select count(*) from inbox_event where consumer ="
                + " 'wallet.chain-events' and event_id in ('" + once + "', '" + again + "')") == 2);
        assertEquals("CONFIRMED", state(id));
        assertEquals(0, balance(owner, "WITHDRAWING"));
        assertEquals(89 * USDT, balance(owner, "AVAILABLE"));
        assertEquals(10 * USDT, TestDatabase.queryLong("select balance from ledger_account where owner_id = 'custody:31337:"
                + hot + "' and kind = 'CUSTODY'"), "the amount left the hot wallet's custody");
        assertEquals(1, TestDatabase.queryLong("select count(*) from ledger_posting where command_id = 'withdrawal-release:"
                + id + "'"), "settled once");
        ledgerBalances();
    }

    @Test
    void cancelledBeforeSigningNothingIsSentAndOnceSignedItCannotBeCancelled() throws Exception {
        AnvilNode chain = HotWalletChainResource.node();
        String owner = funded("w-cancel", 100);
        known(owner);
        long arrivedBefore = chain.balanceOf(TO);
        String first = request(owner, key(), "5").statusCode(201).body("state", equalTo("APPROVED")).extract().path("id");
        As.user(owner).when().post("/api/v1/wallet/withdrawals/" + first + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
        assertEquals("BLOCKED", transferState(first), "taken back from the signer");
        signer.passNow();
        assertEquals(arrivedBefore, chain.balanceOf(TO), "nothing sent");
        assertEquals(100 * USDT, balance(owner, "AVAILABLE"));

        String second = request(owner, key(), "6").statusCode(201).extract().path("id");
        passUntilSent(second);
        // signed: the withdrawal moved with its transfer (in the signing transaction), so its state refuses the cancel
        As.user(owner).when().post("/api/v1/wallet/withdrawals/" + second + "/cancel").then().statusCode(409)
                .body("type", equalTo("https://c2c.dev/problems/withdrawal-state"));
        assertEquals(7 * USDT, balance(owner, "WITHDRAWING"), "still held: it is on its way");
        assertEquals(arrivedBefore + 6 * USDT, chain.balanceOf(TO));
        ledgerBalances();
    }

    /** Signer passes until the transfer is mined (the node mines each transaction at once). */
    private void passUntilSent(String id) {
        await(id + " sent").atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
            signer.passNow();
            return "MINED".equals(transferState(id));
        });
        String state = state(id);
        org.junit.jupiter.api.Assertions.assertTrue("SIGNED".equals(state) || "BROADCAST".equals(state),
                "the withdrawal follows its transfer: " + state);
    }

    private static String state(String id) {
        return TestDatabase.queryString("select state from withdrawal where id = '" + id + "'");
    }

    private static String transferState(String id) {
        return TestDatabase.queryString("select state from outgoing_transfer where id = '" + id + "'");
    }
}
