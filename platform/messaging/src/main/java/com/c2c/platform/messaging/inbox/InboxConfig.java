package com.c2c.platform.messaging.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "c2c.inbox")
public interface InboxConfig {
    /**
     * How long an applied event's id is remembered. It must outlive every way the event could come
     * again: the topics keep records 7 days, and a record can stay until its whole log segment has
     * aged out (up to another 7 days), so 30 days leaves a wide margin.
     */
    @WithDefault("P30D")
    Duration retention();

    /** How often ids older than the retention are deleted. */
    @WithDefault("1h")
    Duration pruneInterval();

    /** Most rows deleted in one statement, so pruning never holds long locks on a busy table. */
    @WithDefault("10000")
    int pruneBatchSize();
}
