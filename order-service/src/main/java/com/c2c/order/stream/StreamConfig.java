package com.c2c.order.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The live streams' limits (ADR 0008), each bounded. */
@ConfigMapping(prefix = "c2c.order.stream")
public interface StreamConfig {
    /**
     * How long feed entries are kept, so how far back a reconnecting client may resume; an older id is
     * answered 410 and the client re-reads state through REST.
     */
    @WithDefault("24h")
    Duration retention();

    /** How often entries older than the retention are deleted. */
    @WithDefault("10m")
    Duration pruneInterval();

    /** Most entries deleted in one statement, so pruning never holds long locks. */
    @WithDefault("10000")
    int pruneBatchSize();

    /** How often a stream looks for new entries of its owner. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Most entries one read returns; a full batch is followed at once by the next. */
    @WithDefault("200")
    int batchSize();

    /** How often a comment is sent on a quiet stream, so proxies keep the connection. */
    @WithDefault("15s")
    Duration heartbeatInterval();

    /** Most streams one owner may hold open at once (on this instance). */
    @WithDefault("5")
    int maxPerOwner();
}
