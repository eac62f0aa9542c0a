package com.c2c.events.chain;

/**
 * A signed outgoing transfer ({@link com.c2c.events.wallet.OutgoingTransferSigned}) was mined, succeeded and is
 * now {@code confirmations} deep on the canonical chain: final. For a withdrawal this is the issue's
 * "WithdrawalConfirmed"; the wallet settles its hold (to the CUSTODY account of {@code fromAddress}, the hot wallet). Announced once per transfer, whichever version was mined.
 */
public record OutgoingTransferConfirmed(long chainId, String transferId, String purpose, String txHash, long nonce,
        String fromAddress, long blockNumber, String blockHash, int confirmations) {
}
