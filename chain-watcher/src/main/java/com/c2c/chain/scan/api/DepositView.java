package com.c2c.chain.scan.api;

import com.c2c.chain.scan.domain.DepositState;
import com.c2c.chain.scan.store.Deposit;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token transfer to a watched address and where it stands. */
public record DepositView(
        long chainId,
        @Schema(example = "0x3c5b7a2e0d9f4a1b6c8e7d2f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b") String txHash,
        int logIndex, long blockNumber, String blockHash, String tokenContract, String fromAddress, String toAddress,
        String ownerId,
        @Schema(description = "USDT (6 decimals); null for an OVERSIZED transfer", nullable = true, example = "25.000000")
        BigDecimal amount,
        @Schema(description = "The value exactly as on chain, in the token's base unit", example = "25000000")
        String rawValue,
        DepositState state,
        @Schema(description = "Why it is in its state (a reorg, an oversized value)", nullable = true) String reason,
        Instant detectedAt, Instant changedAt) {

    public static DepositView of(Deposit d) {
        return new DepositView(d.chainId, d.txHash, d.logIndex, d.blockNumber, d.blockHash, d.tokenContract,
                d.fromAddress, d.toAddress, d.ownerId,
                d.amountMicros == null ? null : BigDecimal.valueOf(d.amountMicros, 6), d.rawValue.toPlainString(),
                d.state, d.reason, d.detectedAt, d.changedAt);
    }
}
