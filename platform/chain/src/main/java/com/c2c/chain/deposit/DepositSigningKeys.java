package com.c2c.chain.deposit;

import com.c2c.chain.evm.EvmAddress;
import com.c2c.chain.keys.ExtendedPrivateKey;
import org.web3j.crypto.ECKeyPair;

/**
 * The private keys of the deposit addresses, for the signer that sweeps them: the same
 * m/44'/60'/account'/0/i as {@link DepositAddressDeriver}, from the account's extended private key.
 */
public final class DepositSigningKeys {

    private final ExtendedPrivateKey externalChain;
    private final DepositAddressDeriver addresses;

    public DepositSigningKeys(ExtendedPrivateKey accountKey) {
        this.addresses = new DepositAddressDeriver(accountKey.neuter());
        this.externalChain = accountKey.deriveChild(DepositAddressDeriver.EXTERNAL_CHAIN);
    }

    /** The key pair of deposit address {@code index}; its address is {@link #addressAt(int)}. */
    public ECKeyPair keyPairAt(int index) {
        return externalChain.deriveChild(index).toKeyPair();
    }

    public EvmAddress addressAt(int index) {
        return addresses.addressAt(index);
    }

    /** The public side, to check a configured xpub belongs to this key. */
    public DepositAddressDeriver addresses() {
        return addresses;
    }

    @Override
    public String toString() {
        return "DepositSigningKeys[account " + addresses.accountKey().serialize() + ", private keys redacted]";
    }
}
