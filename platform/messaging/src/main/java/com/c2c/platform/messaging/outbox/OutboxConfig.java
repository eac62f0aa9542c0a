package com.c2c.platform.messaging.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "c2c.outbox")
public interface OutboxConfig {
    /** Whether this instance runs the relay loop (tests of the relay itself drive it by hand). */
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * Pause between polls when the outbox is empty. Commits wake the relay at once through a
     * PostgreSQL notification; the poll only catches a notification that was lost.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Pause after a failed batch (broker or database down) before trying again. */
    @WithDefault("2s")
    Duration retryInterval();

    /** Most events published in one batch (one read, one send round, one mark). */
    @WithDefault("200")
    int batchSize();

    /** How long published rows are kept for operators before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** CloudEvent {@code source} of everything this service publishes. */
    @WithDefault("/c2c/${quarkus.application.name}")
    String source();
}
