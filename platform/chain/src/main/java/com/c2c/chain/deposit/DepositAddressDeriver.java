package com.c2c.chain.deposit;

import com.c2c.chain.evm.EvmAddress;
import com.c2c.chain.keys.ChildNumber;
import com.c2c.chain.keys.ExtendedPublicKey;

/**
 * Deposit addresses from the configured BIP-44 account key (e.g. m/44'/60'/0', given as its xpub):
 * address {@code i} is the external-chain key m/44'/60'/0'/0/i, as any BIP-44 wallet (and Anvil's dev
 * accounts) derives it. Public derivation only: the service that hands out addresses holds no secret.
 */
public final class DepositAddressDeriver {

    /** BIP-44: purpose / coin type / account are the three hardened levels above the chain. */
    public static final int ACCOUNT_DEPTH = 3;
    /** BIP-44 change level: 0 is the external chain, whose addresses are given out to receive funds. */
    public static final int EXTERNAL_CHAIN = 0;

    private final ExtendedPublicKey accountKey;
    private final ExtendedPublicKey externalChain;

    /**
     * @throws IllegalArgumentException if the key is not an account-level key (depth 3, hardened):
     *         a master or address-level xpub would derive addresses no wallet can find again
     */
    public DepositAddressDeriver(ExtendedPublicKey accountKey) {
        if (accountKey.depth() != ACCOUNT_DEPTH || !ChildNumber.isHardened(accountKey.childNumber())) {
            throw new IllegalArgumentException("deposit xpub must be a BIP-44 account key (depth 3, e.g. m/44'/60'/0'),"
                    + " got depth " + accountKey.depth() + ", child " + ChildNumber.format(accountKey.childNumber()));
        }
        this.accountKey = accountKey;
        this.externalChain = accountKey.deriveChild(EXTERNAL_CHAIN);
    }

    /** From the account xpub text, as configured. */
    public static DepositAddressDeriver fromAccountXpub(String xpub) {
        return new DepositAddressDeriver(ExtendedPublicKey.parse(xpub));
    }

    /** The address at m/44'/60'/account'/0/{@code index}, index 0..2^31-1. */
    public EvmAddress addressAt(int index) {
        return EvmAddress.fromPublicKey(externalChain.deriveChild(index).publicKeyUncompressed());
    }

    public ExtendedPublicKey accountKey() {
        return accountKey;
    }
}
