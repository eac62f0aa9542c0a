package com.c2c.wallet.signer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.WalletUtils;

/**
 * {@link HotWalletChainResource} plus the deposit account's key for sweeps: m/44'/60'/0' of Anvil's development
 * mnemonic (the private side of the test profile's deposit xpub) in a keystore of its own with its password file,
 * and a sweep minimum of {@value #MINIMUM_MICROS} micro-units.
 */
public class SweepChainResource extends HotWalletChainResource {
    public static final long MINIMUM_MICROS = 5_000_000L;
    private static final String DEV_MNEMONIC = "test test test test test test test test test test test junk";
    private Path keys;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            keys = Files.createTempDirectory("deposit-keys-");
            Path password = keys.resolve("password");
            Files.writeString(password, "deposit-password-" + System.nanoTime() + "\n");
            int hardened = Bip32ECKeyPair.HARDENED_BIT;
            Bip32ECKeyPair account = Bip32ECKeyPair.deriveKeyPair(
                    Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(DEV_MNEMONIC, "")),
                    new int[] {44 | hardened, 60 | hardened, hardened});
            String file = WalletUtils.generateWalletFile(Files.readAllLines(password).getFirst(), account,
                    keys.toFile(), false);
            config.put("c2c.wallet.signer.sweep.keystore", keys.resolve(file).toString());
            config.put("c2c.wallet.signer.sweep.password-file", password.toString());
            config.put("c2c.wallet.signer.sweep.minimum", Long.toString(MINIMUM_MICROS));
            return config;
        } catch (IOException | org.web3j.crypto.exception.CipherException e) {
            super.stop();
            throw new IllegalStateException("cannot write the test deposit account's keystore", e);
        }
    }

    @Override
    public void stop() {
        super.stop();
        if (keys != null) {
            try (var files = Files.list(keys)) {
                files.forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory; nothing depends on it being gone
            }
            keys.toFile().delete();
        }
    }
}
