package com.c2c.chain.outgoing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.chain.scan.AnvilChainResource;
import com.c2c.events.EventCatalog;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.TopicProbe;
import com.c2c.testkit.chain.AnvilNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Transfers the wallet's signer sends (withdrawals, sweeps), followed on a real Anvil node: final, and announced
 * once, at the chain's depth and not before; a reverted one fails; a replaced one completes by whichever version
 * was mined; one whose block leaves the chain before its depth goes back to pending.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_chain"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = FreshTopicResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.wallet-events"))
@QuarkusTestResource(value = AnvilChainResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "confirmations", value = "4"))
class OutgoingTransferTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A dev account holding tokens (the test gives it some) acts as the hot wallet. */
    private static final int HOT = 1;
    /** A dev account never given tokens: its transfers revert. */
    private static final int EMPTY = 7;

    @Inject
    OutgoingTransferTracker tracker;

    private static AnvilNode chain() {
        return AnvilChainResource.node();
    }

    @Test
    void aSentTransferIsConfirmedAtItsDepthOnceNotBefore() throws Exception {
        fundHotWallet();
        String transferId = UUID.randomUUID().toString();
        String to = freshAddress();
        String tx = chain().transfer(HOT, to, 5_000_000L);
        try (TopicProbe events = TopicProbe.open(Topics.CHAIN_EVENTS)) {
            signed(transferId, tx, nonceOf(tx), chain().account(HOT), to, 5_000_000L);
            awaitState(tx, "MINED");

            // its block and two more: three confirmations of four
            chain().mine(2);
            awaitRounds(2);
            assertEquals("MINED", stateOf(tx));
            assertEquals(0, outboxCount(EventTypes.OUTGOING_TRANSFER_CONFIRMED, transferId));

            chain().mine(1);
            ConsumedEvent confirmed = events.await(e -> EventTypes.OUTGOING_TRANSFER_CONFIRMED.equals(e.type())
                    && transferId.equals(data(e).path("transferId").asText()), WAIT);
            JsonNode d = data(confirmed);
            assertEquals(tx, d.path("txHash").asText());
            assertEquals(chain().receipt(tx).getBlockNumber().longValueExact(), d.path("blockNumber").asLong());
            assertEquals(4, d.path("confirmations").asInt());
            assertEquals("WITHDRAWAL", d.path("purpose").asText());
            assertEquals(transferId, confirmed.key());
        }
        assertEquals("CONFIRMED", stateOf(tx));

        chain().mine(3);
        awaitRounds(2);
        assertEquals(1, outboxCount(EventTypes.OUTGOING_TRANSFER_CONFIRMED, transferId), "announced once");
    }

    @Test
    void aReplacedTransferCompletesByTheVersionThatWasMined() throws Exception {
        fundHotWallet();
        String transferId = UUID.randomUUID().toString();
        String to = freshAddress();
        String tx = chain().transfer(HOT, to, 2_000_000L);
        long nonce = nonceOf(tx);
        // the first version, at a lower fee, never mined: the replacement with the same nonce was
        String dropped = "0x" + HexFormat.of().formatHex(bytes(32));
        signed(transferId, dropped, nonce, chain().account(HOT), to, 2_000_000L);
        signed(transferId, tx, nonce, chain().account(HOT), to, 2_000_000L);
        chain().mine(3);
        awaitState(tx, "CONFIRMED");
        assertEquals("SUPERSEDED", stateOf(dropped));
        assertEquals(1, outboxCount(EventTypes.OUTGOING_TRANSFER_CONFIRMED, transferId));

        // a version announced late, after the transfer was final, is superseded at once
        String late = "0x" + HexFormat.of().formatHex(bytes(32));
        signed(transferId, late, nonce, chain().account(HOT), to, 2_000_000L);
        awaitState(late, "SUPERSEDED");
    }

    @Test
    void aRevertedTransferFailsAtItsDepth() throws Exception {
        String transferId = UUID.randomUUID().toString();
        String to = freshAddress();
        String tx = chain().sendTransfer(EMPTY, to, 1_000_000L); // the sender holds no tokens: status 0
        assertTrue(!chain().receipt(tx).isStatusOK(), "the transfer reverted on chain");
        try (TopicProbe events = TopicProbe.open(Topics.CHAIN_EVENTS)) {
            signed(transferId, tx, nonceOf(tx), chain().account(EMPTY), to, 1_000_000L);
            chain().mine(3);
            ConsumedEvent failed = events.await(e -> EventTypes.OUTGOING_TRANSFER_FAILED.equals(e.type())
                    && transferId.equals(data(e).path("transferId").asText()), WAIT);
            assertTrue(data(failed).path("reason").asText().contains("reverted"), data(failed).toString());
        }
        assertEquals("FAILED", stateOf(tx));
        assertEquals(0, outboxCount(EventTypes.OUTGOING_TRANSFER_CONFIRMED, transferId));
    }

    @Test
    void aTransferWhoseBlockLeavesTheChainBeforeItsDepthIsPendingAgain() throws Exception {
        fundHotWallet();
        String transferId = UUID.randomUUID().toString();
        String to = freshAddress();
        String tx = chain().transfer(HOT, to, 3_000_000L);
        signed(transferId, tx, nonceOf(tx), chain().account(HOT), to, 3_000_000L);
        awaitState(tx, "MINED");

        chain().reorg(1); // its block is replaced by an empty one: the transaction is gone
        awaitState(tx, "PENDING");
        assertTrue(TestDatabase.queryString("select reason from outgoing_tx where tx_hash = '" + tx + "'")
                .contains("left the chain"));
        chain().mine(5);
        awaitRounds(2);
        assertEquals("PENDING", stateOf(tx));
        assertEquals(0, outboxCount(EventTypes.OUTGOING_TRANSFER_CONFIRMED, transferId));
    }

    private static void fundHotWallet() {
        if (chain().balanceOf(chain().account(HOT)) < 100_000_000L) {
            chain().transfer(0, chain().account(HOT), 1_000_000_000L);
        }
    }

    /** The wallet's signer announces a signed version, as it would (on the wallet events topic). */
    private static void signed(String transferId, String txHash, long nonce, String from, String to, long micros) {
        String topic = ConfigProvider.getConfig().getValue("c2c.in.wallet-events", String.class);
        try (TestEvents events = new TestEvents()) {
            events.publish(topic, transferId, UUID.randomUUID().toString(), EventCatalog.OUTGOING_TRANSFER_SIGNED.name(),
                    "{\"chainId\":" + AnvilNode.CHAIN_ID + ",\"transferId\":\"" + transferId
                            + "\",\"purpose\":\"WITHDRAWAL\",\"txHash\":\"" + txHash + "\",\"nonce\":" + nonce
                            + ",\"fromAddress\":\"" + from + "\",\"toAddress\":\"" + to + "\",\"amountMicros\":" + micros
                            + "}");
        }
        await("followed " + txHash).atMost(WAIT).until(() -> TestDatabase.queryLong(
                "select count(*) from outgoing_tx where tx_hash = '" + txHash + "'") == 1);
    }

    private void awaitRounds(int more) {
        long target = tracker.rounds(AnvilNode.CHAIN_ID) + more;
        await(more + " tracker rounds").atMost(WAIT).until(() -> tracker.rounds(AnvilNode.CHAIN_ID) >= target);
    }

    private static void awaitState(String txHash, String state) {
        await(txHash + " " + state).atMost(WAIT).until(() -> state.equals(stateOf(txHash)));
    }

    private static String stateOf(String txHash) {
        return TestDatabase.queryString("select state from outgoing_tx where tx_hash = '" + txHash + "'");
    }

    private static long outboxCount(String type, String transferId) {
        return TestDatabase.queryLong("select count(*) from outbox_event where type = '" + type
                + "' and payload::jsonb ->> 'transferId' = '" + transferId + "'");
    }

    private static long nonceOf(String txHash) throws Exception {
        return chain().web3j().ethGetTransactionByHash(txHash).send().getTransaction().orElseThrow().getNonce()
                .longValueExact();
    }

    private static JsonNode data(ConsumedEvent event) {
        try {
            return JSON.readTree(event.data());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String freshAddress() {
        return "0x" + HexFormat.of().formatHex(bytes(20));
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
