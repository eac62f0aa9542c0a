package com.c2c.events.chain;

/**
 * A signed outgoing transfer was mined but reverted (status 0: e.g. a party blacklisted by the token after
 * signing, or not enough tokens at the sender), and that block is final: the transfer moved nothing and its
 * nonce is used. The wallet returns a withdrawal's hold. Announced once per transfer.
 */
public record OutgoingTransferFailed(long chainId, String transferId, String purpose, String txHash, long nonce,
        long blockNumber, String blockHash, String reason) {
}
