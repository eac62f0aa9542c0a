package com.c2c.chain.scan.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.chain.config.AddressFormat;
import com.c2c.chain.scan.domain.BlockRef;
import com.c2c.chain.scan.domain.TokenTransfer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scanner's node client on answers in the format TRON's Ethereum-compatible JSON-RPC documents (java-tron's
 * JSON-RPC reference, captured from the Nile testnet): no TRON node is reachable from these machines, so a local
 * HTTP server answers what the documentation shows. What this verifies: web3j reads TRON's block and log objects
 * (TRON-shaped block ids as hashes, {@code stateRoot "0x"}, the extra {@code blockTimestamp}), a TRC-20 Transfer
 * log becomes a deposit to the 20-byte address whose base58check form the user was given, the log filter names
 * the token in the 20-byte hex TRON's filters require, and TRON's documented range errors shrink the range. What
 * it cannot verify: a live node's behaviour (limits set by a provider, solidification timing).
 */
class TronJsonRpcTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Mainnet USDT, TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t: its published hex form is 41a614f8...d13c. */
    private static final String USDT_BASE58 = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
    private static final String USDT_HEX = "0xa614f803b6fd780986a42c78ec9c7f77e6ded13c";
    /** A published address pair: TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL = 418840e6c55b9ada326d211d818c34a994aeced808. */
    private static final String DEPOSITOR_BASE58 = "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL";
    private static final String DEPOSITOR_TOPIC = "0x0000000000000000000000008840e6c55b9ada326d211d818c34a994aeced808";
    private static final String SENDER_TOPIC = "0x000000000000000000000000dd791d6b49e190062d650e6a23c575510d35f2f9";

    private HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private Web3jChainNode node;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jsonrpc", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            String result = answers.getOrDefault(request.path("method").asText(),
                    "\"error\":{\"code\":-32601,\"message\":\"the method does not exist/is not available\"}");
            byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":" + request.path("id") + "," + result + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String token = AddressFormat.TRON.contractHex(USDT_BASE58);
        node = new Web3jChainNode("http://127.0.0.1:" + server.getAddress().getPort() + "/jsonrpc", token);
    }

    @AfterEach
    void stop() {
        node.close();
        server.stop(0);
    }

    @Test
    void theHeadIsTheDocumentedHexHeight() throws IOException {
        answers.put("eth_blockNumber", "\"result\":\"0x3fe1dec\"");
        assertEquals(0x3fe1dec, node.head());
    }

    @Test
    void aTronBlockIsReadWithItsBlockIdAsHashAndParent() throws IOException {
        // eth_getBlockByNumber as documented (Nile block 0x3fe1c00); logsBloom written out in full here
        answers.put("eth_getBlockByNumber", """
                "result":{"number":"0x3fe1c00",
                "hash":"0x0000000003fe1c00462b498ddae67717e96c785078adb5ccb7279148916e6f97",
                "parentHash":"0x0000000003fe1bff062fa008dcd68f6ab2a96a25bc175df22a04baa0cd391573",
                "miner":"0xa234e405a2c6fd67cdd4d0ea2f6188f65534c8b1","timestamp":"0x69f18a5c","size":"0x73d",
                "transactionsRoot":"0xfda5b0a23514a969259ae378185fc833e2c4e35874ee2f8b6d26d15acd976c6e",
                "stateRoot":"0x",
                "transactions":["0x95aad4dfc3d5d389291c093425d06b2ce5a97b5b4953645316371158ebde3f27"],
                "uncles":[],"gasLimit":"0x0","gasUsed":"0x0","difficulty":"0x0","totalDifficulty":"0x0",
                "extraData":"0x","logsBloom":"0x%s","nonce":"0x0000000000000000",
                "sha3Uncles":"0x0000000000000000000000000000000000000000000000000000000000000000",
                "receiptsRoot":"0x0000000000000000000000000000000000000000000000000000000000000000",
                "mixHash":"0x0000000000000000000000000000000000000000000000000000000000000000",
                "baseFeePerGas":"0x0"}""".formatted("00".repeat(256)));
        BlockRef block = node.block(0x3fe1c00);
        assertEquals(0x3fe1c00, block.number());
        assertEquals("0x0000000003fe1c00462b498ddae67717e96c785078adb5ccb7279148916e6f97", block.hash());
        assertEquals("0x0000000003fe1bff062fa008dcd68f6ab2a96a25bc175df22a04baa0cd391573", block.parentHash());
        assertEquals("0x3fe1c00", requests.getLast().path("params").get(0).asText());
    }

    @Test
    void aBlockPastTheHeadIsNull() throws IOException {
        answers.put("eth_getBlockByNumber", "\"result\":null");
        assertNull(node.block(0x3fe2000));
    }

    @Test
    void aTrc20TransferIsADepositToTheAddressTheUserWasGiven() throws IOException {
        // a LogFilterElement in the documented shape (with blockTimestamp), for a TRC-20 Transfer of 25 USDT
        answers.put("eth_getLogs", """
                "result":[{"address":"%s",
                "blockHash":"0x0000000003fe1ca05cf728c92ee79f5f2758c3e4e4ea88501826726880e8b81c",
                "blockNumber":"0x3fe1ca0","blockTimestamp":"0x697999ef",
                "transactionHash":"0x01b4cde4197b9d1a1ff09ef5d2b1d939d3ec2401b3f002ebd0802c0f30a6e4ca",
                "transactionIndex":"0x0","logIndex":"0x2","removed":false,
                "topics":["%s","%s","%s"],
                "data":"0x00000000000000000000000000000000000000000000000000000000017d7840"}]"""
                .formatted(USDT_HEX, TokenTransfer.TOPIC, SENDER_TOPIC, DEPOSITOR_TOPIC));
        List<TokenTransfer> transfers = node.transfers(0x3fe1c00, 0x3fe1cff);

        assertEquals(1, transfers.size());
        TokenTransfer t = transfers.getFirst();
        assertEquals(BigInteger.valueOf(25_000_000), t.value());
        assertEquals(0x3fe1ca0, t.blockNumber());
        assertEquals(2, t.logIndex());
        assertEquals(DEPOSITOR_BASE58, AddressFormat.TRON.display(t.to()));
        assertEquals("0x01b4cde4197b9d1a1ff09ef5d2b1d939d3ec2401b3f002ebd0802c0f30a6e4ca", t.txHash());

        // TRON's log filters take 20-byte hex: the token's T... address is never sent as configured
        JsonNode filter = requests.getLast().path("params").get(0);
        JsonNode address = filter.path("address"); // web3j sends a list of one, which TRON's filter accepts
        assertEquals(USDT_HEX, (address.isArray() ? address.get(0) : address).asText().toLowerCase());
        assertEquals("0x3fe1c00", filter.path("fromBlock").asText());
        assertEquals("0x3fe1cff", filter.path("toBlock").asText());
        assertEquals(TokenTransfer.TOPIC, filter.path("topics").get(0).asText());
    }

    @Test
    void theBackfillAsksForTransfersToItsAddressesOnlyAndKeepsOnlyThose() throws IOException {
        String depositor = "0x" + DEPOSITOR_TOPIC.substring(26);
        String other = "0x" + "ab".repeat(20);
        String log = """
                {"address":"%s","blockHash":"0x0000000003fe1ca05cf728c92ee79f5f2758c3e4e4ea88501826726880e8b81c",
                "blockNumber":"0x3fe1ca0","transactionHash":"0x01b4cde4197b9d1a1ff09ef5d2b1d939d3ec2401b3f002ebd0802c0f30a6e4ca",
                "transactionIndex":"0x0","logIndex":"%s","removed":false,"topics":["%s","%s","%s"],
                "data":"0x00000000000000000000000000000000000000000000000000000000017d7840"}""";
        // a node that ignored the recipient topic would answer the transfer to someone else too
        answers.put("eth_getLogs", "\"result\":[" + log.formatted(USDT_HEX, "0x2", TokenTransfer.TOPIC, SENDER_TOPIC,
                DEPOSITOR_TOPIC) + "," + log.formatted(USDT_HEX, "0x3", TokenTransfer.TOPIC, SENDER_TOPIC,
                "0x" + "0".repeat(24) + "cd".repeat(20)) + "]");

        List<TokenTransfer> transfers = node.transfersTo(0x3fe1c00, 0x3fe1cff, List.of(depositor, other));

        assertEquals(1, transfers.size());
        assertEquals(depositor, transfers.getFirst().to());
        // topics: Transfer, any sender, one of the recipients as 32-byte words
        JsonNode topics = requests.getLast().path("params").get(0).path("topics");
        assertEquals(TokenTransfer.TOPIC, topics.get(0).asText());
        assertTrue(topics.get(1).isNull(), topics.toString());
        assertEquals(List.of(DEPOSITOR_TOPIC, "0x" + "0".repeat(24) + "ab".repeat(20)),
                List.of(topics.get(2).get(0).asText(), topics.get(2).get(1).asText()));
    }

    @Test
    void theDocumentedRangeAndResultLimitsShrinkTheRange() {
        answers.put("eth_getLogs", "\"error\":{\"code\":-32602,\"message\":\"exceed max block range: 5000\"}");
        ChainNode.RangeRefused refused = assertThrows(ChainNode.RangeRefused.class, () -> node.transfers(1, 6000));
        assertTrue(refused.getMessage().contains("exceed max block range"), refused.getMessage());

        answers.put("eth_getLogs", "\"error\":{\"code\":-32005,\"message\":\"query returned more than 10000 results\"}");
        assertThrows(ChainNode.RangeRefused.class, () -> node.transfers(1, 4000));
    }

    @Test
    void aTronTokenMayBeConfiguredInAnyOfItsForms() {
        assertEquals(USDT_HEX, AddressFormat.TRON.contractHex(USDT_BASE58));
        assertEquals(USDT_HEX, AddressFormat.TRON.contractHex("41a614f803b6fd780986a42c78ec9c7f77e6ded13c"));
        assertEquals(USDT_HEX, AddressFormat.TRON.contractHex(USDT_HEX.toUpperCase().replace("0X", "0x")));
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> AddressFormat.TRON.contractHex("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u"));
        assertTrue(typo.getMessage().contains("checksum"), typo.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AddressFormat.EVM.contractHex(USDT_BASE58));
    }
}
