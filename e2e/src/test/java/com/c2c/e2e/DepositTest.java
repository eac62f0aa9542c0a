package com.c2c.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.testkit.chain.AnvilNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Real USDT in: a transfer on the platform's chain (the local Anvil node up.sh started, its token) to a user's
 * deposit address shows as pending once chain-watcher sees it, and becomes available only at the chain's
 * confirmation depth; the ledger stays balanced.
 */
class DepositTest extends TradeScenarios {
    private static final long CHAIN = AnvilNode.CHAIN_ID;

    @Test
    void anOnChainDepositIsPendingUntilItsDepthThenCreditedOnce() {
        String depositor = user("depositor", "0");
        String address = platform.depositAddress(depositor, CHAIN);
        assertEquals(address, platform.depositAddress(depositor, CHAIN), "one deposit address per user and chain");
        int confirmations = platform.chain(CHAIN).path("confirmations").asInt();
        assertTrue(confirmations >= 2, "the local chain needs at least 2 confirmations for this test: " + confirmations);

        try (AnvilNode chain = AnvilNode.attach()) {
            String tx = chain.transfer(0, address, 25_000_000L);
            fundedOnChain("25");
            long block = chain.receipt(tx).getBlockNumber().longValueExact();

            awaitValue("deposit " + tx + " pending", () -> platform.pendingDeposits(depositor),
                    p -> p.compareTo(new BigDecimal("25")) == 0);
            assertAmount("0", platform.balances(depositor).available(), "available while pending");

            // One block short of the depth: chain-watcher has read it, and the deposit is still not credited.
            chain.mine(confirmations - 2);
            long shortOfDepth = chain.blockNumber();
            awaitValue("chain-watcher at block " + shortOfDepth, () -> platform.chain(CHAIN),
                    c -> c.path("cursor").asLong() >= shortOfDepth);
            JsonNode seen = platform.deposit(CHAIN, tx);
            assertEquals("DETECTED", seen.path("state").asText(), "deposit at depth " + (shortOfDepth - block + 1));
            assertAmount("0", platform.balances(depositor).available(), "available one block short of the depth");

            chain.mine(1);
            awaitValue("deposit " + tx + " credited", () -> platform.balances(depositor),
                    b -> b.available().compareTo(new BigDecimal("25")) == 0);
            assertAmount("0", platform.pendingDeposits(depositor), "pending after crediting");
            assertEquals("CONFIRMED", platform.deposit(CHAIN, tx).path("state").asText());

            // More blocks change nothing: credited once.
            chain.mine(2);
            long later = chain.blockNumber();
            awaitValue("chain-watcher at block " + later, () -> platform.chain(CHAIN),
                    c -> c.path("cursor").asLong() >= later);
            assertAmount("25", platform.balances(depositor).available(), "available after more blocks");
        }
    }
}
