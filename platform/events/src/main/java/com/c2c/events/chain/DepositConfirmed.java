package com.c2c.events.chain;

/**
 * A deposit's block is now {@code confirmations} deep (at least the chain's required depth): the wallet
 * credits it, once per (chainId, txHash, logIndex).
 */
public record DepositConfirmed(long chainId, String txHash, int logIndex, long blockNumber, String blockHash,
        String tokenContract, String fromAddress, String toAddress, String ownerId, long amountMicros,
        int confirmations) {
}
