package com.c2c.wallet.deposit.api;

import com.c2c.chain.evm.EvmAddress;
import com.c2c.wallet.deposit.store.DepositAddress;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the owner sends USDT on a chain: the address in its EIP-55 checksummed form. */
public record DepositAddressView(
        @Schema(example = "31337") long chainId,
        @Schema(example = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8") String address,
        Instant assignedAt) {

    public static DepositAddressView of(DepositAddress row) {
        return of(row.key.chainId(), row.address, row.assignedAt);
    }

    public static DepositAddressView of(long chainId, String lowerCaseAddress, Instant assignedAt) {
        return new DepositAddressView(chainId, EvmAddress.parse(lowerCaseAddress).toChecksummed(), assignedAt);
    }
}
