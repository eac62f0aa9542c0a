package com.c2c.order.maker;

import com.c2c.order.maker.domain.HeartbeatPolicy;
import com.c2c.order.maker.store.MakerHeartbeat;
import com.c2c.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;

/**
 * A maker's dead-man's switch: opting in (or out) and the heartbeats that keep its ads on the book. The
 * deadline is a column of the maker's row, so a restart loses none; {@link HeartbeatScan} acts on it.
 */
@ApplicationScoped
public class Heartbeats {

    /** Opts in, or changes the interval; the clock starts now, as if a heartbeat had just come. */
    @WithTransaction
    public Uni<MakerHeartbeat> setPolicy(String ownerId, int intervalSeconds) {
        HeartbeatPolicy policy = ProblemException.field("intervalSeconds", () -> new HeartbeatPolicy(intervalSeconds));
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into maker_heartbeat (owner_id, interval_seconds, deadline_at, last_heartbeat_at, created_at,
                    updated_at)
                values (:owner, :interval, :deadline, :now, :now, :now)
                on conflict (owner_id) do update set interval_seconds = excluded.interval_seconds,
                    deadline_at = excluded.deadline_at, last_heartbeat_at = excluded.last_heartbeat_at,
                    updated_at = excluded.updated_at""")
                .setParameter("owner", ownerId)
                .setParameter("interval", policy.intervalSeconds())
                .setParameter("deadline", policy.deadlineAfter(now))
                .setParameter("now", now)
                .executeUpdate())
                .chain(() -> MakerHeartbeat.<MakerHeartbeat>findById(ownerId));
    }

    /** Opts out: nothing is paused for want of heartbeats any more. Opting out twice is no error. */
    @WithTransaction
    public Uni<Void> optOut(String ownerId) {
        return MakerHeartbeat.delete("ownerId", ownerId).replaceWithVoid();
    }

    /**
     * The maker is alive: the deadline moves to an interval from now. After the switch tripped this re-arms
     * it but resumes nothing (see HeartbeatScan).
     */
    @WithTransaction
    public Uni<MakerHeartbeat> beat(String ownerId) {
        return MakerHeartbeat.<MakerHeartbeat>findById(ownerId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.conflict("no-heartbeat-policy",
                        "there is no heartbeat policy to keep alive; PUT /api/v1/maker/heartbeat-policy first"))
                .invoke(h -> {
                    Instant now = Instant.now();
                    h.lastHeartbeatAt = now;
                    h.deadlineAt = new HeartbeatPolicy(h.intervalSeconds).deadlineAfter(now);
                    h.updatedAt = now;
                });
    }

    @WithSession
    public Uni<MakerHeartbeat> policy(String ownerId) {
        return MakerHeartbeat.<MakerHeartbeat>findById(ownerId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("a heartbeat policy"));
    }
}
