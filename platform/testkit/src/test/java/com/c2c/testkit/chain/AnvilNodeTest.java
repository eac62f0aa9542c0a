package com.c2c.testkit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** The private chain the chain tests build on: the token as deployed, its events, the blacklist, mining and reorgs. */
class AnvilNodeTest {
    private static final String TRANSFER_TOPIC = EventEncoder.encode(new Event("Transfer", List.of(
            new TypeReference<Address>(true) { }, new TypeReference<Address>(true) { }, new TypeReference<Uint256>() { })));

    private static AnvilNode chain;

    @BeforeAll
    static void start() {
        chain = AnvilNode.start();
        assertEquals(AnvilNode.DEV_SUPPLY_MICROS, chain.balanceOf(chain.account(0)), "the dev supply, before any test moves it");
    }

    @AfterAll
    static void stop() {
        int port = chain.port();
        chain.close();
        assertFalse(chain.isRunning(), "the node's process is gone");
        assertFalse(listening(port), "nothing listens on the node's port any more");
    }

    @Test
    void deploysTheTokenFromAccountZeroWithSixDecimalsAndTheDevSupply() throws IOException {
        // Account 0's first transaction: the same address as deploy/local/anvil.sh gives the shared node.
        assertEquals("0x5fbdb2315678afecb367f032d93f642f64180aa3", chain.tokenAddress());
        assertEquals("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", chain.account(0));
        assertEquals(31337, chain.web3j().ethChainId().send().getChainId().longValueExact());
        String decimals = chain.web3j().ethCall(Transaction.createEthCallTransaction(chain.account(0), chain.tokenAddress(),
                FunctionEncoder.encode(new Function("decimals", List.of(), List.of(new TypeReference<Uint8>() { })))),
                DefaultBlockParameterName.LATEST).send().getValue();
        assertEquals(BigInteger.valueOf(6), Numeric.toBigInt(decimals));
        assertTrue(chain.balanceOf(chain.account(0)) > 0, "account 0 holds the dev supply");
        assertEquals(0, chain.balanceOf(chain.account(9)));
    }

    @Test
    void aTransferMovesExactlyTheAmountAndLogsFromToAndValue() {
        String from = chain.account(1);
        String to = chain.account(2);
        chain.mint(from, 5_000_000);
        long toBefore = chain.balanceOf(to);

        String txHash = chain.transfer(1, to, 1_234_567);

        assertEquals(5_000_000 - 1_234_567, chain.balanceOf(from));
        assertEquals(toBefore + 1_234_567, chain.balanceOf(to));
        TransactionReceipt receipt = chain.receipt(txHash);
        assertEquals(1, receipt.getLogs().size());
        Log transfer = receipt.getLogs().getFirst();
        assertEquals(chain.tokenAddress(), transfer.getAddress());
        assertEquals(List.of(TRANSFER_TOPIC, topic(from), topic(to)), transfer.getTopics());
        assertEquals(BigInteger.valueOf(1_234_567), Numeric.toBigInt(transfer.getData()));
    }

    @Test
    void transfersFromOrToABlacklistedAddressRevertOnChain() {
        String frozen = chain.account(3);
        chain.mint(frozen, 2_000_000);
        chain.blacklist(frozen);

        TransactionReverted out = assertThrows(TransactionReverted.class, () -> chain.transfer(3, chain.account(4), 1));
        assertEquals("0x0", out.receipt().getStatus());
        assertTrue(out.receipt().getLogs().isEmpty());
        assertThrows(TransactionReverted.class, () -> chain.transfer(0, frozen, 1));
        assertEquals(2_000_000, chain.balanceOf(frozen));

        chain.unblacklist(frozen);
        chain.transfer(3, chain.account(4), 1);
        assertEquals(1_999_999, chain.balanceOf(frozen));
    }

    @Test
    void aReorgReplacesTheBlocksAboveItsDepthAndDropsTheirTransfers() throws IOException {
        String to = chain.account(5);
        chain.mine(3);
        long base = chain.blockNumber();
        String keptHash = chain.block(base).getHash();
        long before = chain.balanceOf(to);
        String txHash = chain.transfer(0, to, 700);
        long head = chain.blockNumber();
        String reorgedHash = chain.block(head).getHash();
        assertEquals(base + 1, head);

        chain.reorg(1);

        assertEquals(head, chain.blockNumber(), "same height");
        assertNotEquals(reorgedHash, chain.block(head).getHash(), "the block at the head was replaced");
        assertEquals(keptHash, chain.block(head).getParentHash(), "the new block builds on the untouched one");
        assertEquals(keptHash, chain.block(base).getHash());
        assertEquals(before, chain.balanceOf(to), "the transfer in the replaced block is gone");
        assertTrue(chain.web3j().ethGetTransactionReceipt(txHash).send().getTransactionReceipt().isEmpty());
    }

    @Test
    void withAutomineOffATransferWaitsForAMinedBlock() throws IOException {
        String to = chain.account(6);
        long before = chain.balanceOf(to);
        chain.setAutomine(false);
        try {
            long head = chain.blockNumber();
            String txHash = chain.sendTransfer(0, to, 42);
            assertEquals(head, chain.blockNumber());
            assertTrue(chain.web3j().ethGetTransactionReceipt(txHash).send().getTransactionReceipt().isEmpty());

            chain.mine(1);

            assertTrue(chain.receipt(txHash).isStatusOK());
            assertEquals(head + 1, chain.receipt(txHash).getBlockNumber().longValueExact());
            assertEquals(before + 42, chain.balanceOf(to));
        } finally {
            chain.setAutomine(true);
        }
    }

    @Test
    void revertingToASnapshotUndoesWhatCameAfter() {
        String to = chain.account(7);
        long before = chain.balanceOf(to);
        long head = chain.blockNumber();
        String snapshot = chain.snapshot();
        chain.transfer(0, to, 99);
        assertEquals(before + 99, chain.balanceOf(to));

        assertTrue(chain.revert(snapshot));

        assertEquals(before, chain.balanceOf(to));
        assertEquals(head, chain.blockNumber());
    }

    @Test
    void aSecondNodeIsPrivateAndStopsWithItsHandle() {
        AnvilNode other = AnvilNode.start();
        try {
            assertNotEquals(chain.port(), other.port());
            other.transfer(0, other.account(8), 10);
            assertEquals(10, other.balanceOf(other.account(8)));
            assertEquals(0, chain.balanceOf(chain.account(8)), "nothing reached this class's node");
        } finally {
            other.close();
        }
        assertFalse(other.isRunning());
        assertFalse(listening(other.port()));
    }

    private static String topic(String address) {
        return Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(address), 64);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
