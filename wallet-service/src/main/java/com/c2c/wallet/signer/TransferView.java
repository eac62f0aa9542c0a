package com.c2c.wallet.signer;

import com.c2c.wallet.signer.domain.TransferPurpose;
import com.c2c.wallet.signer.domain.TransferState;
import java.math.BigInteger;
import java.time.Instant;

/**
 * An outgoing transfer as the signer sees it.
 *
 * @param reason      why it is BLOCKED ({@code hot-wallet-blacklisted}, {@code destination-blacklisted}) or
 *                    FAILED ({@code reverted}); null otherwise
 * @param fromAddress the hot wallet that signed it; null until SIGNED
 * @param nonce       the nonce it took; null until SIGNED (BLOCKED never takes one)
 * @param txHash      the mined version's hash once MINED or FAILED, else the latest signed version's; null until SIGNED
 * @param minedBlock  the block of the mined version (the signer's own view at depth 1: chain-watcher confirms it
 *                    at the chain's depth); null until MINED or FAILED
 * @param versions    how many versions were signed (1 + replacements)
 * @param purpose       what it is for, hence who signs it
 * @param sourceAddress a SWEEP's deposit address (null: sent from the hot wallet)
 * @param sourceIndex   that address's BIP-44 index (null unless a SWEEP)
 * @param amountWei     a GAS transfer's amount in native coin (null otherwise; {@code amountMicros} is then 0)
 */
public record TransferView(String id, long chainId, String toAddress, long amountMicros, TransferState state,
        String reason, String fromAddress, Long nonce, String txHash, Long minedBlock, int versions,
        Instant createdAt, Instant signedAt, Instant broadcastAt, Instant finishedAt, TransferPurpose purpose,
        String sourceAddress, Integer sourceIndex, BigInteger amountWei) {
}
