package com.c2c.wallet.signer;

import java.util.HashMap;
import java.util.Map;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;

/**
 * {@link HotWalletChainResource} plus the deposit account's key for sweeps: m/44'/60'/0' of Anvil's development
 * mnemonic (the private side of the test profile's deposit xpub) in a keystore of its own with its password file,
 * and a sweep minimum of {@value #MINIMUM_MICROS} micro-units.
 */
public class SweepChainResource extends HotWalletChainResource {
    public static final long MINIMUM_MICROS = 5_000_000L;
    private static final String DEV_MNEMONIC = "test test test test test test test test test test test junk";
    private TestKeystore keys;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        int hardened = Bip32ECKeyPair.HARDENED_BIT;
        Bip32ECKeyPair account = Bip32ECKeyPair.deriveKeyPair(
                Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(DEV_MNEMONIC, "")),
                new int[] {44 | hardened, 60 | hardened, hardened});
        try {
            keys = TestKeystore.write("deposit-keys-", account);
        } catch (RuntimeException e) {
            super.stop();
            throw e;
        }
        config.put("c2c.wallet.signer.sweep.keystore", keys.keystore().toString());
        config.put("c2c.wallet.signer.sweep.password-file", keys.passwordFile().toString());
        config.put("c2c.wallet.signer.sweep.minimum", Long.toString(MINIMUM_MICROS));
        return config;
    }

    @Override
    public void stop() {
        super.stop();
        if (keys != null) {
            keys.delete();
        }
    }
}
