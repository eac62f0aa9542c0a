package com.c2c.events.chain;

/**
 * A reorg deeper than the confirmation depth removed the block of a deposit that was already confirmed (and
 * credited). Nothing is undone automatically: the deposit is put in front of an operator, and this raises an
 * alert. {@code depth} is how many blocks the reorg replaced.
 */
public record ConfirmedDepositReorged(long chainId, String txHash, int logIndex, long blockNumber, String blockHash,
        String toAddress, String ownerId, long amountMicros, int depth) {
}
