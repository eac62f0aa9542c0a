package com.c2c.wallet.custody;

import com.c2c.testkit.chain.AnvilNode;
import com.c2c.wallet.signer.TestKeystore;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A private Anvil with the local USDT and a hot wallet whose tokens all came through the platform: dev account
 * {@value #HOT_WALLET_INDEX}'s key in a fresh keystore, holding no USDT (unlike the signer tests' hot wallet, whose
 * funds came from outside and would be a difference here). Deposit addresses come from the platform's development
 * xpub (the test mnemonic's account 1), so no deposit address is a dev account holding the token's supply. The
 * gas warning threshold is above what a dev account holds, so the report warns.
 */
public class CustodyChainResource implements QuarkusTestResourceLifecycleManager {
    static final int HOT_WALLET_INDEX = 9;
    /** The test mnemonic's m/44'/60'/1' xpub: the platform's development default (application.properties). */
    static final String ACCOUNT_1_XPUB = "xpub6Ce9NcJvTk372KjsGfWqbcex5DumjpNquQLApoeQUavSCjEc823BV1tb4rXUuPuht8h2hSxkg2EXUaKUJmniJvRZAELxypsCzBFdtosmV76";
    static final String GAS_WARNING_BELOW = "1000000";
    private static volatile AnvilNode node;
    private TestKeystore keys;

    static AnvilNode node() {
        return node;
    }

    @Override
    public Map<String, String> start() {
        node = AnvilNode.start();
        try {
            keys = TestKeystore.write("custody-hot-wallet-", node.credentials(HOT_WALLET_INDEX).getEcKeyPair());
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        return Map.ofEntries(
                Map.entry("c2c.wallet.signer.keystore", keys.keystore().toString()),
                Map.entry("c2c.wallet.signer.password-file", keys.passwordFile().toString()),
                Map.entry("c2c.wallet.signer.rpc-url", node.rpcUrl()),
                Map.entry("c2c.wallet.signer.chain-id", Long.toString(AnvilNode.CHAIN_ID)),
                Map.entry("c2c.wallet.signer.token-contract", node.tokenAddress()),
                Map.entry("c2c.wallet.signer.replace-after", "600s"),
                Map.entry("c2c.wallet.signer.enabled", "false"),
                Map.entry("c2c.wallet.deposit.xpub", ACCOUNT_1_XPUB),
                Map.entry("c2c.wallet.deposit.token-contracts.31337", node.tokenAddress()),
                Map.entry("c2c.wallet.custody.batch-size", "2"),
                Map.entry("c2c.wallet.custody.gas-warning-below", GAS_WARNING_BELOW));
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
