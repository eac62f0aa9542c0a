package com.c2c.chain.deposit;

import java.util.List;

/**
 * The standard BIP-39 test mnemonic that Anvil (and Hardhat) derive their dev accounts from, and what
 * it gives at BIP-44 m/44'/60'/0'. Other modules' tests may use these (this module publishes its test
 * classes as the {@code c2c-chain} test-jar): configure {@link #ACCOUNT_XPUB} as the deposit xpub and
 * deposit index 0, 1, 2 are Anvil's funded dev accounts 0, 1, 2, whose private keys Anvil prints.
 * Never use this mnemonic for real funds: it is public.
 */
public final class TestMnemonic {

    public static final String MNEMONIC = "test test test test test test test test test test test junk";
    /** BIP-44 account path the xpub below is taken at. */
    public static final String ACCOUNT_PATH = "m/44'/60'/0'";
    /**
     * Extended public key of {@link #ACCOUNT_PATH} for {@link #MNEMONIC} (no passphrase). The same value
     * other BIP-32 implementations publish for this mnemonic (e.g. API3 Airnode's deriveAirnodeXpub test).
     */
    public static final String ACCOUNT_XPUB =
            "xpub6Ce9NcJvTk36xtLSrJLZqE7wtgA5deCeYs7rSQtreh4cj6ByPtrg9sD7V2FNFLPnf8heNP3FGkeV9qwfzvZNSd54JoNXVsXFYSYwHsnJxqP";
    /** Anvil's dev accounts 0, 1, 2 (EIP-55 form): m/44'/60'/0'/0/0..2. */
    public static final List<String> ANVIL_ADDRESSES = List.of(
            "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
            "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
    /** Their private keys, as Anvil prints them at start. */
    public static final List<String> ANVIL_PRIVATE_KEYS = List.of(
            "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
            "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
            "5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");

    private TestMnemonic() {
    }
}
