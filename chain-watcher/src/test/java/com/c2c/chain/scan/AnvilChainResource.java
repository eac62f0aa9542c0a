package com.c2c.chain.scan;

import com.c2c.testkit.chain.AnvilNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * A private Anvil node for one test class, with the local token deployed, and the service's "local" chain
 * pointed at it. Init args: {@code confirmations}, {@code reorg-watch-depth}, {@code max-range} (the chain's
 * settings). The node is reachable by the test through {@link #node()}.
 */
public class AnvilChainResource implements QuarkusTestResourceLifecycleManager {
    private static volatile AnvilNode node;
    private final Map<String, String> settings = new HashMap<>();

    public static AnvilNode node() {
        return node;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        settings.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        node = AnvilNode.start();
        Map<String, String> config = new HashMap<>();
        String prefix = "c2c.chain.chains.local.";
        config.put(prefix + "chain-id", Long.toString(AnvilNode.CHAIN_ID));
        config.put(prefix + "rpc-url", node.rpcUrl());
        config.put(prefix + "token-contract", node.tokenAddress());
        config.put(prefix + "start-block", "0");
        config.put(prefix + "poll-interval", "100ms");
        settings.forEach((key, value) -> config.put(prefix + key, value));
        return config;
    }

    @Override
    public void stop() {
        if (node != null) {
            node.close();
            node = null;
        }
    }
}
