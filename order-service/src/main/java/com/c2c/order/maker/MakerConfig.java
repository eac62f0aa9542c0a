package com.c2c.order.maker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "c2c.order.maker")
public interface MakerConfig {
    /**
     * Pause between scans for makers whose heartbeat is overdue. The scheduler reads the same key (with the
     * same default) in {@code HeartbeatScan}; it is declared here so the configuration is in one place.
     */
    @WithDefault("1s")
    Duration heartbeatScanInterval();

    /** Most makers one scan transaction takes; a full batch is followed at once by another. */
    @WithDefault("100")
    int heartbeatScanBatch();
}
