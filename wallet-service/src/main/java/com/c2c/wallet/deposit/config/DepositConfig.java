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

    /** The local development chain (Anvil): the only one the development keys below may take deposits on. */
    long DEVELOPMENT_CHAIN_ID = 31337;

    /**
     * Accounts 0 and 1 (m/44'/60'/0' and /1') of the public development mnemonic "test test ... junk": anybody can
     * derive their private keys, so deposits to their addresses on a real chain could be taken by anyone.
     */
    List<String> DEVELOPMENT_XPUBS = List.of(
            "xpub6Ce9NcJvTk36xtLSrJLZqE7wtgA5deCeYs7rSQtreh4cj6ByPtrg9sD7V2FNFLPnf8heNP3FGkeV9qwfzvZNSd54JoNXVsXFYSYwHsnJxqP",
            "xpub6Ce9NcJvTk372KjsGfWqbcex5DumjpNquQLApoeQUavSCjEc823BV1tb4rXUuPuht8h2hSxkg2EXUaKUJmniJvRZAELxypsCzBFdtosmV76");

    /** The USDT contract of a chain, lower-case, if one is configured. */
    default Optional<String> tokenContract(long chainId) {
        return Optional.ofNullable(tokenContracts().get(Long.toString(chainId))).map(String::strip)
                .filter(s -> !s.isEmpty() && !NO_TOKEN.equals(s)).map(s -> EvmAddress.parse(s).toLowerCase());
    }

    /**
     * Refuses, at start, a chain id that is no number, a contract that is no address, and a development xpub (whose
     * private keys are public) on any chain but the local one: an operator who forgot {@code C2C_DEPOSIT_XPUB} must
     * not hand out addresses anybody can empty.
     */
    default void check() {
        refuseDevelopmentKeys(xpub(), supportedChainIds());
        tokenContracts().forEach((chain, contract) -> {
            try {
                tokenContract(Long.parseLong(chain));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("c2c.wallet.deposit.token-contracts." + chain + ": " + e.getMessage()
                        + " (an EVM address, or " + NO_TOKEN + ")", e);
            }
        });
    }

    /** See {@link #check()}: a development xpub is refused on any chain but the local one. */
    static void refuseDevelopmentKeys(String xpub, List<Long> chainIds) {
        if (DEVELOPMENT_XPUBS.contains(xpub.strip()) && chainIds.stream().anyMatch(chain -> chain != DEVELOPMENT_CHAIN_ID)) {
            throw new IllegalStateException("c2c.wallet.deposit.xpub is an account of the public development mnemonic,"
                    + " whose keys anybody can derive; it may take deposits on the local chain " + DEVELOPMENT_CHAIN_ID
                    + " only, not on " + chainIds + ": set C2C_DEPOSIT_XPUB to the platform's own account xpub");
        }
    }

    default boolean supports(long chainId) {
        return supportedChainIds().contains(chainId);
    }
}
