package com.c2c.wallet.deposit.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DepositAddressRequest(
        @NotNull @Schema(example = "31337", description = "EIP-155 chain id of a chain the wallet takes deposits on")
        Long chainId) {
}
