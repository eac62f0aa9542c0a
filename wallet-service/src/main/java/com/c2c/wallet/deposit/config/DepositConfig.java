package com.c2c.wallet.deposit.config;

import com.c2c.chain.evm.EvmAddress;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where users may deposit and what the wallet credits (ADR 0013). Only the account's extended PUBLIC key is
 * here: the private side lives with the signer (ADR 0014), never in this service.
 */
@ConfigMapping(prefix = "c2c.wallet.deposit")
public interface DepositConfig {

    /** The BIP-44 account xpub (m/44'/60'/a') deposit addresses are derived from: .../0/index. */
    String xpub();

    /** Chains a deposit address may be asked for (EVM chains: the address is the same derivation on each). */
    List<Long> supportedChainIds();

    /**
     * The USDT contract per chain id ({@code 0x} + 40 hex, EIP-55 or one case), or {@value #NO_TOKEN}: a transfer
     * of any other contract, or on a chain without one, is recorded UNCREDITED and never credited.
     */
    Map<String, String> tokenContracts();

    /** The smallest deposit credited, in micro-units (1 USDT = 1000000); smaller ones are UNCREDITED dust. */
    @WithDefault("1000000")
    @Min(1)
    long minimum();

    /** A chain on which no token is credited (yet). */
    String NO_TOKEN = "none";

    /** The USDT contract of a chain, lower-case, if one is configured. */
    default Optional<String> tokenContract(long chainId) {
        return Optional.ofNullable(tokenContracts().get(Long.toString(chainId))).map(String::strip)
                .filter(s -> !s.isEmpty() && !NO_TOKEN.equals(s)).map(s -> EvmAddress.parse(s).toLowerCase());
    }

    /** Refuses, at start, a chain id that is no number or a contract that is no address. */
    default void check() {
        tokenContracts().forEach((chain, contract) -> {
            try {
                tokenContract(Long.parseLong(chain));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("c2c.wallet.deposit.token-contracts." + chain + ": " + e.getMessage()
                        + " (an EVM address, or " + NO_TOKEN + ")", e);
            }
        });
    }

    default boolean supports(long chainId) {
        return supportedChainIds().contains(chainId);
    }
}
