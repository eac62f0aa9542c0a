package com.c2c.chain.scan;

import static org.awaitility.Awaitility.await;

import com.c2c.events.EventCatalog;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.chain.AnvilNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/** What the chain tests share: fresh deposit addresses, the wallet's assignment, reading the chain events. */
final class ChainFixture {
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChainFixture() {
    }

    static AnvilNode chain() {
        return AnvilChainResource.node();
    }

    /** An address no one else uses (lower-case). */
    static String freshAddress() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    /** The wallet assigns {@code address} to {@code owner}: published as the wallet would, applied by the consumer. */
    static void assign(String address, String owner) {
        String topic = ConfigProvider.getConfig().getValue("c2c.in.wallet-events", String.class);
        try (TestEvents events = new TestEvents()) {
            events.publish(topic, owner, UUID.randomUUID().toString(), EventCatalog.DEPOSIT_ADDRESS_ASSIGNED.name(),
                    "{\"chainId\":" + AnvilNode.CHAIN_ID + ",\"address\":\"" + address + "\",\"ownerId\":\"" + owner
                            + "\",\"addressIndex\":" + RANDOM.nextInt(1_000_000) + "}");
        }
        await("watched " + address).atMost(WAIT).until(() -> TestDatabase.queryLong(
                "select count(*) from watched_address where address = '" + address + "'") == 1);
    }

    /** How many events of {@code type} about the deposit(s) of {@code txHash} the service ever wrote to its outbox. */
    static long outboxCount(String type, String txHash) {
        return TestDatabase.queryLong("select count(*) from outbox_event where type = '" + type
                + "' and payload::jsonb ->> 'txHash' = '" + txHash + "'");
    }

    static String stateOf(String txHash) {
        return TestDatabase.queryString("select state from deposit where tx_hash = '" + txHash + "'");
    }

    static JsonNode data(ConsumedEvent event) {
        try {
            return JSON.readTree(event.data());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean is(ConsumedEvent event, String type, String txHash) {
        return type.equals(event.type()) && txHash.equals(data(event).path("txHash").asText());
    }

    /**
     * Deploys a contract that is not the token and emits, from its constructor, a standard
     * {@code Transfer(from, to, value)} log: what a look-alike token's transfer to a deposit address looks like.
     * Returns the transaction hash.
     */
    static String lookAlikeTransfer(String to, long value) throws Exception {
        AnvilNode chain = chain();
        String from = chain.account(2);
        String init = "7f" + word(BigInteger.valueOf(value)) // PUSH32 value
                + "6000" + "52" // PUSH1 0, MSTORE
                + "73" + to.substring(2) // PUSH20 to (topic 2)
                + "73" + from.substring(2) // PUSH20 from (topic 1)
                + "7f" + "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef" // PUSH32 Transfer topic
                + "6020" + "6000" + "a3" + "00"; // PUSH1 32, PUSH1 0, LOG3, STOP
        BigInteger nonce = chain.web3j().ethGetTransactionCount(from, DefaultBlockParameterName.PENDING).send()
                .getTransactionCount();
        String hash = chain.web3j().ethSendTransaction(Transaction.createContractTransaction(from, nonce,
                BigInteger.valueOf(100_000_000_000L), BigInteger.valueOf(300_000), BigInteger.ZERO, "0x" + init))
                .send().getTransactionHash();
        if (!chain.receipt(hash).isStatusOK() || chain.receipt(hash).getLogs().size() != 1) {
            throw new IllegalStateException("the look-alike transfer did not log once: " + chain.receipt(hash));
        }
        return hash;
    }

    /** The token's owner issues {@code value} base units straight to {@code to} (a Transfer from address zero). */
    static String issue(String to, BigInteger value) throws Exception {
        AnvilNode chain = chain();
        String owner = chain.account(0);
        String data = FunctionEncoder.encode(new Function("issue", List.of(new Address(to), new Uint256(value)),
                List.of()));
        BigInteger nonce = chain.web3j().ethGetTransactionCount(owner, DefaultBlockParameterName.PENDING).send()
                .getTransactionCount();
        String hash = chain.web3j().ethSendTransaction(Transaction.createFunctionCallTransaction(owner, nonce,
                BigInteger.valueOf(100_000_000_000L), BigInteger.valueOf(200_000), chain.tokenAddress(), data))
                .send().getTransactionHash();
        if (!chain.receipt(hash).isStatusOK()) {
            throw new IllegalStateException("issue failed: " + chain.receipt(hash));
        }
        return hash;
    }

    private static String word(BigInteger value) {
        return String.format("%64s", value.toString(16)).replace(' ', '0');
    }
}
