package com.c2c.wallet.signer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;

/**
 * A key written as the signer reads it: a web3j keystore (light scrypt, so tests decrypt it fast) and a password
 * file, in a temporary folder of their own, removed by {@link #delete()}.
 */
public record TestKeystore(Path folder, Path keystore, Path passwordFile) {

    public static TestKeystore write(String prefix, ECKeyPair key) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            Path password = folder.resolve("password");
            Files.writeString(password, prefix + System.nanoTime() + "\n");
            String file = WalletUtils.generateWalletFile(Files.readAllLines(password).getFirst(), key, folder.toFile(),
                    false);
            return new TestKeystore(folder, folder.resolve(file), password);
        } catch (IOException | CipherException e) {
            throw new IllegalStateException("cannot write a test keystore", e);
        }
    }

    public void delete() {
        try (var files = Files.list(folder)) {
            files.forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; nothing depends on it being gone
        }
        folder.toFile().delete();
    }
}
