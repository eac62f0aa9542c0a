package com.c2c.wallet.custody.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The custody report (GET /api/v1/wallet/custody): where each chain's node is and how long the report may wait
 * for it. Every read is bounded: one JSON-RPC batch holds at most {@link #batchSize()} balance calls, each call to
 * the node gives up after {@link #nodeTimeout()}, and the whole chain after {@link #chainTimeout()}.
 */
@ConfigMapping(prefix = "c2c.wallet.custody")
public interface CustodyConfig {
    /** The node per chain id; the signer's chain defaults to {@code c2c.wallet.signer.rpc-url}. */
    Map<String, String> rpcUrls();

    /** One JSON-RPC call (or batch) to the node. */
    @WithDefault("5s")
    Duration nodeTimeout();

    /** Reading one chain's balances altogether; past it the report answers 503 naming the chain. */
    @WithDefault("60s")
    Duration chainTimeout();

    /** {@code balanceOf} calls per JSON-RPC batch (and deposit addresses read from the database per page). */
    @WithDefault("100")
    @Min(1)
    @Max(1000)
    int batchSize();

    /** Addresses listed per chain (those holding or owed anything); the rest are counted, still in the totals. */
    @WithDefault("500")
    @Min(0)
    int listLimit();

    /** Outgoing transfers in flight listed per chain; the rest are counted and summed. */
    @WithDefault("100")
    @Min(1)
    int inFlightListLimit();

    /** The hot wallet's native coin (gas) below which the report warns, in whole coins (ETH on EVM chains). */
    @WithDefault("0.05")
    BigDecimal gasWarningBelow();

    default Optional<String> rpcUrl(long chainId) {
        return Optional.ofNullable(rpcUrls().get(Long.toString(chainId))).map(String::strip).filter(s -> !s.isEmpty());
    }
}
