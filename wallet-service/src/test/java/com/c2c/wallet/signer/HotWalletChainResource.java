package com.c2c.wallet.signer;

import com.c2c.testkit.chain.AnvilNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.web3j.crypto.WalletUtils;

/**
 * A private Anvil node with the local USDT, and a hot wallet for the signer: dev account {@value #HOT_WALLET_INDEX}'s
 * key in a freshly written keystore (light scrypt, so tests decrypt it fast) with a password file, funded with
 * {@value #HOT_WALLET_FUNDS_MICROS} micro-units. The signer's loop stays off: tests run passes by hand.
 */
public class HotWalletChainResource implements QuarkusTestResourceLifecycleManager {
    static final int HOT_WALLET_INDEX = 9;
    static final long HOT_WALLET_FUNDS_MICROS = 1_000_000L * 1_000_000L;
    static final String REPLACE_AFTER = "2s";
    private static volatile AnvilNode node;
    private Path keys;

    public static AnvilNode node() {
        return node;
    }

    @Override
    public Map<String, String> start() {
        node = AnvilNode.start();
        try {
            keys = Files.createTempDirectory("hot-wallet-keys-");
            Path password = keys.resolve("password");
            Files.writeString(password, "test-password-" + System.nanoTime() + "\n");
            String file = WalletUtils.generateWalletFile(Files.readAllLines(password).getFirst(),
                    node.credentials(HOT_WALLET_INDEX).getEcKeyPair(), keys.toFile(), false);
            node.transfer(0, node.account(HOT_WALLET_INDEX), HOT_WALLET_FUNDS_MICROS);
            return Map.of(
                    "c2c.wallet.signer.keystore", keys.resolve(file).toString(),
                    "c2c.wallet.signer.password-file", password.toString(),
                    "c2c.wallet.signer.rpc-url", node.rpcUrl(),
                    "c2c.wallet.signer.chain-id", Long.toString(AnvilNode.CHAIN_ID),
                    "c2c.wallet.signer.token-contract", node.tokenAddress(),
                    "c2c.wallet.signer.replace-after", REPLACE_AFTER,
                    "c2c.wallet.signer.poll-interval", "100ms",
                    "c2c.wallet.signer.enabled", "false");
        } catch (IOException | org.web3j.crypto.exception.CipherException e) {
            node.close();
            throw new IllegalStateException("cannot write the test hot wallet's keystore", e);
        }
    }

    @Override
    public void stop() {
        if (node != null) {
            node.close();
            node = null;
        }
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
