package com.c2c.escrow.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "c2c.escrow")
public interface EscrowConfig {
    /** How long the buyer has to pay when the trade's ad is not known to escrow (or the maker was no ad). */
    @WithDefault("PT15M")
    Duration defaultPaymentWindow();

    /** How long the seller has to confirm a paid trade before it goes to an arbiter. */
    @WithDefault("PT30M")
    Duration confirmWindow();

    /**
     * Pause between scans for passed deadlines. The scheduler reads the same key (with the same
     * default) in {@code DeadlineScan}; it is declared here so the whole escrow configuration is in one place.
     */
    @WithDefault("1s")
    Duration deadlineScanInterval();

    /** Most trades one scan transaction takes; a full batch is followed at once by another. */
    @WithDefault("100")
    int deadlineScanBatch();

    /**
     * How long a trade waits for the wallet's answer to its lock, release or refund before the same
     * command is sent again (then twice as long each time, up to {@link #walletResendMaxPause()}).
     */
    @WithDefault("60s")
    Duration walletAnswerTimeout();

    /** The longest pause between two sends of the same unanswered wallet command. */
    @WithDefault("10m")
    Duration walletResendMaxPause();
}
