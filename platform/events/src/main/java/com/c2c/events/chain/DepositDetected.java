package com.c2c.events.chain;

/**
 * A transfer of the chain's token contract to a deposit address, seen in a block that is not yet deep
 * enough to count: shown to its owner as pending, never credited. One deposit is (chainId, txHash, logIndex);
 * addresses and hashes are lower-case hex. {@code amountMicros} is the token's base unit (6 decimals).
 */
public record DepositDetected(long chainId, String txHash, int logIndex, long blockNumber, String blockHash,
        String tokenContract, String fromAddress, String toAddress, String ownerId, long amountMicros,
        int requiredConfirmations) {
}
