package com.c2c.order.maker.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The dead-man's switch a maker opts in to: with no heartbeat for {@code intervalSeconds}, all its ACTIVE
 * ads are paused. A later heartbeat re-arms the switch but resumes nothing (see HeartbeatScan).
 */
public record HeartbeatPolicy(int intervalSeconds) {
    public static final int MIN_SECONDS = 5;
    public static final int MAX_SECONDS = 3600;

    public HeartbeatPolicy {
        if (intervalSeconds < MIN_SECONDS || intervalSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException("must be between " + MIN_SECONDS + " and " + MAX_SECONDS + " seconds");
        }
    }

    /** When the ads are paused if no heartbeat comes after one at {@code heartbeat}. */
    public Instant deadlineAfter(Instant heartbeat) {
        return heartbeat.plus(Duration.ofSeconds(intervalSeconds));
    }
}
