package com.c2c.wallet.command.config;

import com.c2c.wallet.command.domain.ReleaseFee;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The platform's fees; validated when the service starts, so a wrong rate never moves money. */
@ConfigMapping(prefix = "c2c.wallet.fees")
public interface FeeConfig {
    /** Fee on a released trade, in basis points of its quantity, taken from what the buyer receives (10 = 0.10 %). */
    @WithDefault("10")
    @Min(0)
    @Max(ReleaseFee.MAX_BASIS_POINTS)
    int releaseBps();
}
