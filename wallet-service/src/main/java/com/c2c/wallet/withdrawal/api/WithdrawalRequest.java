package com.c2c.wallet.withdrawal.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record WithdrawalRequest(
        @NotNull @Schema(example = "31337", description = "EVM chain id of a chain withdrawals are enabled on")
        Long chainId,
        @NotNull @Size(max = 64) @Schema(example = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                description = "0x + 40 hex digits; mixed case must carry a correct EIP-55 checksum")
        String toAddress,
        @NotNull @Schema(example = "250.5", description = "USDT, at most 6 decimals, at least the chain's minimum;"
                + " the chain's fee is held on top") BigDecimal amount) {
}
