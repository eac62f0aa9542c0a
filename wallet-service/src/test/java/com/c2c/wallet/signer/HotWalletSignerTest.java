package com.c2c.wallet.signer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.platform.web.ProblemException;
import com.c2c.testkit.PostgresResource;
import com.c2c.events.EventTypes;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.chain.AnvilNode;
import com.c2c.wallet.signer.domain.TransferState;
import com.c2c.wallet.signer.store.TransferStore;
import com.c2c.wallet.signer.store.TransferStore.SignedVersion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The hot-wallet signer against a real private Anvil with the local USDT: every transfer leaves the hot wallet
 * once, with one nonce, to the right address for the right amount — submitted twice, killed between signing and
 * broadcast, stuck and replaced — and a blacklisted party blocks it without using a nonce.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(value = HotWalletChainResource.class, restrictToAnnotatedClass = true)
class HotWalletSignerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    OutgoingTransfers transfers;
    @Inject
    SignerLoop loop;
    @Inject
    TransferStore store;
    @Inject
    RecordingListener listener;

    private AnvilNode chain;
    private String hot;

    @BeforeEach
    void chain() {
        chain = HotWalletChainResource.node();
        hot = chain.account(HotWalletChainResource.HOT_WALLET_INDEX);
        assertEquals(hot, loop.hotWallet().orElseThrow());
    }

    @Test
    void aTransferGoesOutOnceToTheRightAddressForTheRightAmount() {
        String to = freshAddress();
        long hotBefore = chain.balanceOf(hot);
        long nonceBefore = minedNonce(hot);

        TransferView queued = submit("t-" + UUID.randomUUID(), to, 12_345_678).transfer();
        assertEquals(TransferState.QUEUED, queued.state());
        assertNull(queued.nonce());

        TransferView mined = passUntil(queued.id(), TransferState.MINED);
        assertEquals(12_345_678, chain.balanceOf(to));
        assertEquals(hotBefore - 12_345_678, chain.balanceOf(hot), "tokens conserved: what left the hot wallet arrived");
        assertEquals(nonceBefore, mined.nonce());
        assertEquals(nonceBefore + 1, minedNonce(hot), "one nonce used");
        assertEquals(1, mined.versions());
        assertEquals(List.of(mined.txHash()), announcedHashes(queued.id()), "the signed version is announced");
        assertTrue(chain.receipt(mined.txHash()).isStatusOK());
        assertEquals(mined.minedBlock(), chain.receipt(mined.txHash()).getBlockNumber().longValueExact());
        assertEquals(List.of(TransferState.SIGNED, TransferState.BROADCAST, TransferState.MINED),
                listener.of(queued.id()).stream().map(TransferView::state).toList(),
                "the listener hears every change, in order");

        passes(3);
        assertEquals(12_345_678, chain.balanceOf(to), "later passes send nothing more");
        assertEquals(nonceBefore + 1, minedNonce(hot));
    }

    @Test
    void submittingTwiceIsOneTransferAndAnotherContentIsRefused() {
        String id = "t-" + UUID.randomUUID();
        String to = freshAddress();
        assertTrue(submit(id, to, 5_000_000).created());
        OutgoingTransfers.Submitted again = submit(id, to.toUpperCase().replace("0X", "0x"), 5_000_000);
        assertFalse(again.created(), "the same id and content again changes nothing");

        ProblemException reused = assertThrows(ProblemException.class, () -> submit(id, to, 5_000_001));
        assertEquals(409, reused.status());
        assertThrows(ProblemException.class, () -> submit(id, freshAddress(), 5_000_000));

        TransferView mined = passUntil(id, TransferState.MINED);
        assertFalse(submit(id, to, 5_000_000).created(), "a finished transfer submitted again is still the same one");
        passes(2);
        assertEquals(5_000_000, chain.balanceOf(to), "one transfer went out");
        assertEquals(1, versions(id).size());
        assertEquals(mined.txHash(), transferState(id).txHash());
    }

    @Test
    void readinessNamesTheHotWalletAndNeverItsKey() {
        String body = given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'hot-wallet signer' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'hot-wallet signer' }.data.hotWallet", equalTo(hot))
                .extract().asString();
        String key = chain.credentials(HotWalletChainResource.HOT_WALLET_INDEX).getEcKeyPair().getPrivateKey().toString(16);
        assertFalse(body.contains(key));
    }

    @Test
    void invalidSubmissionsNameTheField() {
        assertEquals("toAddress", fieldOf(() -> submit("t-" + UUID.randomUUID(), "0x1234", 1)));
        assertEquals("toAddress", fieldOf(() -> submit("t-" + UUID.randomUUID(), "0x" + "0".repeat(40), 1)));
        assertEquals("amountMicros", fieldOf(() -> submit("t-" + UUID.randomUUID(), freshAddress(), 0)));
        assertEquals("transferId", fieldOf(() -> submit(" ", freshAddress(), 1)));
        assertEquals("transferId", fieldOf(() -> submit("x".repeat(129), freshAddress(), 1)));
        assertEquals("chainId", fieldOf(() -> onContext(() -> transfers.submit("t-" + UUID.randomUUID(), 1,
                freshAddress(), 1))));
    }

    @Test
    void killedBetweenSigningAndBroadcastTheSameTransactionIsSentAfterTheRestart() throws Exception {
        String to = freshAddress();
        long nonceBefore = minedNonce(hot);
        String id = submit("t-" + UUID.randomUUID(), to, 7_000_000).transfer().id();

        loop.stopAfterNextSigning();
        loop.passNow(); // signs, commits nonce + raw transaction + SIGNED, and "dies" before broadcasting
        TransferView signed = transferState(id);
        assertEquals(TransferState.SIGNED, signed.state());
        assertEquals(nonceBefore, signed.nonce());
        assertTrue(chain.web3j().ethGetTransactionByHash(signed.txHash()).send().getTransaction().isEmpty(),
                "nothing was broadcast");
        assertEquals(0, chain.balanceOf(to));

        TransferView mined = passUntil(id, TransferState.MINED); // the "restarted" signer's passes
        assertEquals(signed.txHash(), mined.txHash(), "the very transaction signed before the crash was sent");
        assertEquals(1, versions(id).size());
        assertEquals(nonceBefore + 1, minedNonce(hot), "its nonce was used once");
        assertEquals(7_000_000, chain.balanceOf(to));
    }

    @Test
    void aStuckTransactionIsReplacedWithTheSameNonceAndAHigherFeeAndOneVersionIsMined() throws Exception {
        String to = freshAddress();
        long nonceBefore = minedNonce(hot);
        chain.setAutomine(false);
        String id;
        try {
            id = submit("t-" + UUID.randomUUID(), to, 3_000_000).transfer().id();
            loop.passNow();
            assertEquals(TransferState.BROADCAST, transferState(id).state());
            // nothing mines it: after replace-after the signer replaces it
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
                loop.passNow();
                return versions(id).size() >= 2;
            });
        } finally {
            chain.setAutomine(true);
        }
        List<SignedVersion> versions = versions(id);
        SignedVersion first = versions.get(0);
        SignedVersion second = versions.get(1);
        assertEquals(first.nonce(), second.nonce(), "a replacement keeps the nonce");
        assertEquals(nonceBefore, first.nonce());
        assertNotEquals(first.txHash(), second.txHash());
        assertTrue(second.fees().maxFeePerGas() * 8 >= first.fees().maxFeePerGas() * 9, "max fee +12.5 % at least");
        assertTrue(second.fees().maxPriorityFeePerGas() * 8 >= first.fees().maxPriorityFeePerGas() * 9,
                "tip +12.5 % at least");

        chain.mine(1);
        TransferView mined = passUntil(id, TransferState.MINED);
        long minedVersions = versions(id).stream().filter(v -> receiptOf(v.txHash())).count();
        assertEquals(1, minedVersions, "exactly one version is mined");
        assertTrue(versions(id).stream().anyMatch(v -> v.txHash().equals(mined.txHash())));
        assertEquals(3_000_000, chain.balanceOf(to));
        assertEquals(nonceBefore + 1, minedNonce(hot));
        assertEquals(versions(id).stream().map(SignedVersion::txHash).sorted().toList(), announcedHashes(id),
                "each signed version is announced to chain-watcher, with its nonce");
    }

    /** The hashes of the OutgoingTransferSigned events the signer wrote to its outbox for the transfer. */
    private static List<String> announcedHashes(String transferId) {
        String hashes = TestDatabase.queryString("select coalesce(string_agg(payload::jsonb ->> 'txHash', ',' order by"
                + " payload::jsonb ->> 'txHash'), '') from outbox_event where type = '" + EventTypes.OUTGOING_TRANSFER_SIGNED
                + "' and payload::jsonb ->> 'transferId' = '" + transferId + "'");
        return hashes.isEmpty() ? List.of() : List.of(hashes.split(","));
    }

    @Test
    void aTransactionDroppedFromTheNodesPoolIsSentAgainWithTheSameBytes() throws Exception {
        String to = freshAddress();
        chain.setAutomine(false);
        String id;
        String hash;
        try {
            id = submit("t-" + UUID.randomUUID(), to, 2_500_000).transfer().id();
            loop.passNow();
            hash = transferState(id).txHash();
            assertEquals(TransferState.BROADCAST, transferState(id).state());
            // the node forgets it, as a restarted node loses its pool
            new org.web3j.protocol.core.Request<>("anvil_dropTransaction", List.of(hash),
                    new org.web3j.protocol.http.HttpService(chain.rpcUrl()), AnvilNode.AnyResponse.class).send();
            assertFalse(knows(hash), "dropped");
            loop.passNow();
            List<SignedVersion> after = versions(id);
            if (after.size() == 1) {
                assertTrue(knows(hash), "sent again: the same transaction, the same hash");
            } else {
                // on a loaded machine the tests' replace-after (2 s) passed between the two passes: the pass sent a
                // replacement with the same nonce instead, which the node must have now
                assertEquals(after.getFirst().nonce(), after.getLast().nonce(), "a replacement keeps the nonce");
                assertTrue(knows(after.getLast().txHash()), "the replacement was sent");
            }
        } finally {
            chain.setAutomine(true);
        }
        chain.mine(1);
        TransferView mined = passUntil(id, TransferState.MINED);
        assertEquals(1, versions(id).stream().filter(v -> receiptOf(v.txHash())).count(), "one version mined");
        assertEquals(2_500_000, chain.balanceOf(to));
        if (versions(id).size() == 1) { // no replacement was due yet (replace-after 2 s): the very bytes were mined
            assertEquals(hash, mined.txHash());
        }
    }

    @Test
    void aWithdrawalTheHotWalletCannotCoverWaitsWithoutANonceUntilTokensArrive() throws Exception {
        String to = freshAddress();
        long nonceBefore = minedNonce(hot);
        long beyond = chain.balanceOf(hot) + 1;
        String id = submit("t-" + UUID.randomUUID(), to, beyond).transfer().id();
        passes(3);
        TransferView waiting = transferState(id);
        assertEquals(TransferState.QUEUED, waiting.state(), "not signed: it would revert and burn its nonce");
        assertNull(waiting.nonce());
        assertEquals(nonceBefore, minedNonce(hot));

        chain.transfer(0, hot, 1); // a sweep's worth: now exactly covered
        assertEquals(nonceBefore, passUntil(id, TransferState.MINED).nonce());
        assertEquals(beyond, chain.balanceOf(to));
        assertEquals(0, chain.balanceOf(hot));
        chain.transfer(0, hot, HotWalletChainResource.HOT_WALLET_FUNDS_MICROS); // the other tests' funds, back
    }

    @Test
    void aBlacklistedDestinationBlocksTheTransferWithoutUsingANonce() throws Exception {
        String to = freshAddress();
        chain.blacklist(to);
        long nonceBefore = minedNonce(hot);
        String id = submit("t-" + UUID.randomUUID(), to, 1_000_000).transfer().id();
        loop.passNow();
        TransferView blocked = transferState(id);
        assertEquals(TransferState.BLOCKED, blocked.state());
        assertEquals(Signer.DESTINATION_BLACKLISTED, blocked.reason());
        assertNull(blocked.nonce());
        assertEquals(0, blocked.versions());
        assertEquals(List.of(TransferState.BLOCKED), listener.of(id).stream().map(TransferView::state).toList());

        String next = submit("t-" + UUID.randomUUID(), freshAddress(), 1_000_000).transfer().id();
        assertEquals(nonceBefore, passUntil(next, TransferState.MINED).nonce(), "the next transfer takes the same nonce");
        passes(2);
        assertEquals(TransferState.BLOCKED, transferState(id).state(), "a blocked transfer stays blocked");
    }

    @Test
    void aBlacklistedHotWalletBlocksTheTransferWithoutUsingANonce() throws Exception {
        long nonceBefore = minedNonce(hot);
        String to = freshAddress();
        chain.blacklist(hot);
        String id;
        try {
            id = submit("t-" + UUID.randomUUID(), to, 1_000_000).transfer().id();
            loop.passNow();
        } finally {
            chain.unblacklist(hot);
        }
        TransferView blocked = transferState(id);
        assertEquals(TransferState.BLOCKED, blocked.state());
        assertEquals(Signer.HOT_WALLET_BLACKLISTED, blocked.reason());
        assertNull(blocked.nonce());

        String next = submit("t-" + UUID.randomUUID(), to, 2_000_000).transfer().id();
        assertEquals(nonceBefore, passUntil(next, TransferState.MINED).nonce(), "the next transfer takes the same nonce");
        assertEquals(2_000_000, chain.balanceOf(to));
    }

    @Test
    void aListenerThatFailsRollsTheSigningBackAndTheNonceIsNotTaken() throws Exception {
        String to = freshAddress();
        long nonceBefore = minedNonce(hot);
        String id = submit("t-" + UUID.randomUUID(), to, 6_000_000).transfer().id();
        listener.failNextChangeOf(id);

        assertThrows(RuntimeException.class, loop::passNow);
        TransferView stillQueued = transferState(id);
        assertEquals(TransferState.QUEUED, stillQueued.state(), "SIGNED was not committed without the listener's part");
        assertEquals(0, stillQueued.versions(), "nor was the signed transaction");
        assertEquals(nonceBefore, TestDatabase.queryLong("select coalesce(max(next_nonce), " + nonceBefore
                + ") from hot_wallet_nonce where address = '" + hot + "'"), "nor the nonce");

        TransferView mined = passUntil(id, TransferState.MINED);
        assertEquals(nonceBefore, mined.nonce());
        assertEquals(6_000_000, chain.balanceOf(to));
    }

    @Test
    void theServicesRoleCannotRewriteWhatWasSigned() {
        String id = submit("t-" + UUID.randomUUID(), freshAddress(), 1_500_000).transfer().id();
        TransferView mined = passUntil(id, TransferState.MINED);
        String where = " where id = '" + id + "'";
        assertRefused(TestDatabase.asService("update signed_transaction set raw_tx = '0x00' where transfer_id = '" + id + "'"));
        assertRefused(TestDatabase.asService("delete from signed_transaction where transfer_id = '" + id + "'"));
        assertRefused(TestDatabase.asService("delete from outgoing_transfer" + where));
        assertRefused(TestDatabase.asService("update outgoing_transfer set amount_micros = 1" + where));
        assertRefused(TestDatabase.asService("update outgoing_transfer set to_address = '" + freshAddress() + "'" + where));
        assertRefused(TestDatabase.asService("update outgoing_transfer set state = 'QUEUED'" + where), "a state goes forward only");
        assertRefused(TestDatabase.asService("update outgoing_transfer set nonce = nonce + 100" + where), "a nonce is taken once");
        assertRefused(TestDatabase.asService("update hot_wallet_nonce set next_nonce = 0 where address = '" + hot + "'"),
                "a nonce counter only goes up");
        assertRefused(TestDatabase.asService("truncate signed_transaction"));
        assertEquals(TransferState.MINED, transferState(id).state());
        assertEquals(mined.txHash(), transferState(id).txHash());
    }

    @Test
    void theLoopSendsOnItsOwnWhenTurnedOn() {
        String to = freshAddress();
        String id = submit("t-" + UUID.randomUUID(), to, 4_000_000).transfer().id();
        loop.start();
        try {
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                    .until(() -> transferState(id).state() == TransferState.MINED);
        } finally {
            loop.stop();
        }
        assertEquals(4_000_000, chain.balanceOf(to));
    }

    // --- helpers

    private OutgoingTransfers.Submitted submit(String id, String to, long micros) {
        return onContext(() -> transfers.submit(id, AnvilNode.CHAIN_ID, to, micros));
    }

    private TransferView transferState(String id) {
        return onContext(() -> transfers.transferState(id)).orElseThrow();
    }

    private List<SignedVersion> versions(String id) {
        return onContext(() -> Panache.withSession(() -> store.versions(id)));
    }

    /** Runs passes until the transfer is in {@code state}, within the deadline. */
    private TransferView passUntil(String id, TransferState state) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> {
            loop.passNow();
            TransferState now = transferState(id).state();
            if (now.finished() && now != state) {
                throw new AssertionError("transfer " + id + " finished " + now + ", not " + state);
            }
            return now == state;
        });
        return transferState(id);
    }

    private void passes(int n) {
        try {
            for (int i = 0; i < n; i++) {
                loop.passNow();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long minedNonce(String address) {
        try {
            return chain.web3j().ethGetTransactionCount(address, DefaultBlockParameterName.LATEST).send()
                    .getTransactionCount().longValueExact();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private boolean knows(String txHash) {
        try {
            return chain.web3j().ethGetTransactionByHash(txHash).send().getTransaction().isPresent();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private boolean receiptOf(String txHash) {
        try {
            return chain.web3j().ethGetTransactionReceipt(txHash).send().getTransactionReceipt().isPresent();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String freshAddress() {
        try {
            return "0x" + Keys.getAddress(Keys.createEcKeyPair()).toLowerCase();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(SQLException refused, String... why) {
        assertNotNull(refused, "the service's role was allowed " + String.join(", ", why));
    }

    private static String fieldOf(Runnable call) {
        ProblemException problem = assertThrows(ProblemException.class, call::run);
        assertEquals(400, problem.status());
        return problem.toProblem("/test").errors().getFirst().field();
    }

    private static <T> T onContext(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
