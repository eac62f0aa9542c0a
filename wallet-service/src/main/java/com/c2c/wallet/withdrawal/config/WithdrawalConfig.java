package com.c2c.wallet.withdrawal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Withdrawals (ADR 0014): the chains one may withdraw to, with their amounts in USDT, and the timings of the
 * checks. A chain without an entry here is refused (400 naming chainId).
 */
@ConfigMapping(prefix = "c2c.wallet.withdrawal")
public interface WithdrawalConfig {

    /** By EVM chain id (31337 the local Anvil chain, 1 Ethereum, 56 BSC). */
    Map<String, Chain> chains();

    /** How long a withdrawal to a newly confirmed address waits before it may be approved or sent. */
    @WithDefault("1h")
    Duration newAddressCooldown();

    /** How long after sign-in with a second factor ({@code iat}/{@code auth_time}) a token may confirm or approve. */
    @WithDefault("5m")
    Duration secondFactorMaxAge();

    /** How often withdrawals whose cool-down passed are moved on. */
    @WithDefault("10s")
    Duration cooldownScanInterval();

    /** USDT amounts of one chain, decimals with at most 6 places. */
    interface Chain {
        /** The smallest amount one may withdraw (the fee comes on top). */
        BigDecimal minimum();

        /** Charged on every withdrawal, held with it and kept by the platform when it is sent. */
        BigDecimal fee();

        /** The most one owner may withdraw on this chain in any 24 hours (amounts, not fees). */
        BigDecimal dailyLimit();

        /** A withdrawal of more than this needs two admins' approval. */
        BigDecimal approvalThreshold();
    }
}
