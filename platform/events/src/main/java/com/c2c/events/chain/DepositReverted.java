package com.c2c.events.chain;

/**
 * A detected deposit's block left the canonical chain before it was confirmed (a reorg): it is no longer
 * pending and is never credited unless it is detected again in a new block (then with a new
 * {@link DepositDetected}).
 */
public record DepositReverted(long chainId, String txHash, int logIndex, long blockNumber, String blockHash,
        String toAddress, String ownerId, long amountMicros, String reason) {
}
