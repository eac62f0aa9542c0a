package com.c2c.wallet.signer.chain;

import com.c2c.chain.deposit.DepositSigningKeys;
import com.c2c.chain.keys.ExtendedPrivateKey;
import com.c2c.chain.keys.ExtendedPublicKey;
import java.nio.file.Path;
import org.web3j.crypto.Credentials;

/**
 * The deposit addresses' keys, for sweeping them (ADR 0014): the deposit account's private key (m/44'/60'/a') is
 * read from its own encrypted keystore, and the rest of the extended key (its chain code) from the account xpub the
 * wallet derives deposit addresses from. A keystore that does not belong to that xpub is refused at start: it would
 * sign for addresses the wallet never gave out. {@link #toString()} names only the xpub.
 */
public final class DepositKeys {
    private final DepositSigningKeys keys;
    private final String xpub;

    private DepositKeys(DepositSigningKeys keys, String xpub) {
        this.keys = keys;
        this.xpub = xpub;
    }

    /**
     * @throws IllegalStateException the keystore or password file cannot be read, or the key is not the xpub's
     */
    public static DepositKeys load(Path keystore, Path passwordFile, String accountXpub) {
        SigningKey account = SigningKey.load(keystore, passwordFile);
        ExtendedPublicKey xpub = ExtendedPublicKey.parse(accountXpub);
        try {
            return new DepositKeys(new DepositSigningKeys(ExtendedPrivateKey.of(xpub, account.privateKey())),
                    xpub.serialize());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the deposit keystore " + keystore + " (" + account.address()
                    + ") is not the key of c2c.wallet.deposit.xpub: " + e.getMessage(), e);
        }
    }

    /** The key of deposit address {@code index} (m/44'/60'/a'/0/index). */
    public SigningKey keyAt(int index) {
        return new SigningKey(Credentials.create(keys.keyPairAt(index)));
    }

    /** The lower-case address of deposit address {@code index}, as the wallet gave it out. */
    public String addressAt(int index) {
        return keys.addressAt(index).toLowerCase();
    }

    @Override
    public String toString() {
        return "deposit keys of " + xpub;
    }
}
