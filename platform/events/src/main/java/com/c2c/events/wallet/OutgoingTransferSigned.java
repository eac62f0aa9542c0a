package com.c2c.events.wallet;

/**
 * The wallet's signer signed a token transfer from a platform address (a withdrawal from the hot wallet, or a
 * sweep) and stored it before broadcasting: chain-watcher follows {@code txHash} until it is final. A transfer
 * replaced at a higher fee is signed again with the same {@code nonce}: one event per signed version, and
 * whichever version is mined completes the transfer.
 *
 * @param transferId the signer's id of the transfer (a withdrawal's id for a withdrawal)
 * @param purpose    {@code WITHDRAWAL} or {@code SWEEP}: what the wallet settles when it is final
 */
public record OutgoingTransferSigned(long chainId, String transferId, String purpose, String txHash, long nonce,
        String fromAddress, String toAddress, long amountMicros) {
}
