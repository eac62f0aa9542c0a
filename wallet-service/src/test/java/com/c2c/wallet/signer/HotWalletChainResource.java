package com.c2c.wallet.signer;

import com.c2c.testkit.chain.AnvilNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A private Anvil node with the local USDT, and a hot wallet for the signer: dev account {@value #HOT_WALLET_INDEX}'s
 * key in a freshly written keystore (light scrypt, so tests decrypt it fast) with a password file, funded with
 * {@value #HOT_WALLET_FUNDS_MICROS} micro-units. The signer's loop stays off: tests run passes by hand.
 */
public class HotWalletChainResource implements QuarkusTestResourceLifecycleManager {
    public static final int HOT_WALLET_INDEX = 9;
    static final long HOT_WALLET_FUNDS_MICROS = 1_000_000L * 1_000_000L;
    static final String REPLACE_AFTER = "2s";
    private static volatile AnvilNode node;
    private TestKeystore keys;

    public static AnvilNode node() {
        return node;
    }

    @Override
    public Map<String, String> start() {
        node = AnvilNode.start();
        try {
            keys = TestKeystore.write("hot-wallet-keys-", node.credentials(HOT_WALLET_INDEX).getEcKeyPair());
            node.transfer(0, node.account(HOT_WALLET_INDEX), HOT_WALLET_FUNDS_MICROS);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        return Map.of(
                "c2c.wallet.signer.keystore", keys.keystore().toString(),
                "c2c.wallet.signer.password-file", keys.passwordFile().toString(),
                "c2c.wallet.signer.rpc-url", node.rpcUrl(),
                "c2c.wallet.signer.chain-id", Long.toString(AnvilNode.CHAIN_ID),
                "c2c.wallet.signer.token-contract", node.tokenAddress(),
                "c2c.wallet.signer.replace-after", REPLACE_AFTER,
                "c2c.wallet.signer.poll-interval", "100ms",
                "c2c.wallet.signer.enabled", "false");
    }

    @Override
    public void stop() {
        if (node != null) {
            node.close();
            node = null;
        }
        if (keys != null) {
            keys.delete();
        }
    }
}
