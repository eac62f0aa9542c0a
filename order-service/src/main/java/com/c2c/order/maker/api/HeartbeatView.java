package com.c2c.order.maker.api;

import com.c2c.order.maker.store.MakerHeartbeat;
import java.time.Instant;

/**
 * The maker's dead-man's switch. {@code deadline}: when the ACTIVE ads are paused without a heartbeat
 * (null once it tripped, until the next heartbeat); {@code trippedAt}/{@code pausedAds}: its last trip.
 */
public record HeartbeatView(int intervalSeconds, Instant lastHeartbeatAt, Instant deadline, Instant trippedAt,
        int pausedAds) {

    public static HeartbeatView of(MakerHeartbeat h) {
        return new HeartbeatView(h.intervalSeconds, h.lastHeartbeatAt, h.deadlineAt, h.trippedAt, h.pausedAds);
    }
}
