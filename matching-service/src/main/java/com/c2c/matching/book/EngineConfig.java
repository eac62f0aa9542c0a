package com.c2c.matching.book;

import com.c2c.events.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "c2c.matching")
public interface EngineConfig {
    /**
     * Whether this instance runs the engine loop. Several may: the one holding the lead runs the engine
     * (it owns all markets), the others stand by (ADR 0017).
     */
    @WithDefault("true")
    boolean engineEnabled();

    /** The topic of ad and order events the books consume. */
    @WithDefault(Topics.ORDER_EVENTS)
    String inputTopic();

    /** Where input records the engine cannot apply nor reject go, with the reason in headers. */
    @WithDefault("c2c.deadletter.v1")
    String deadLetterTopic();

    /** The engine's consumer group (tests use their own, so a running platform does not share it). */
    @WithDefault("matching-engine")
    String groupId();

    /** Most input records applied and persisted as one batch (one database transaction). */
    @WithDefault("2000")
    int maxBatch();

    /**
     * How long one poll waits when no input is there. A poll returns as soon as inputs arrive, so this bounds only how
     * often an idle engine wakes (to check its snapshot interval and whether it should stop): at 20 ms the idle
     * engine thread took 1.4 % of a core, at 200 ms 0.3 % (docs/performance.md, 2026-12-06 13:00).
     */
    @WithDefault("200ms")
    Duration pollTimeout();

    /** How often the books are snapshotted while inputs arrive (and always on shutdown). */
    @WithDefault("30s")
    Duration snapshotInterval();

    /** How many recent input event ids are remembered to drop redelivered duplicates. */
    @WithDefault("200000")
    int recentIds();

    /** How often a standby instance tries to take the lead (ADR 0017). */
    @WithDefault("500ms")
    Duration standbyPoll();

    /** Pause before rebuilding from the last snapshot after a failure. */
    @WithDefault("1s")
    Duration retryInterval();
}
