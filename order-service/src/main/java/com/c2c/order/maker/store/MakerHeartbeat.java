package com.c2c.order.maker.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A maker's dead-man's switch: its interval, and the deadline the next heartbeat must beat (null once tripped). */
@Entity
@Table(name = "maker_heartbeat")
public class MakerHeartbeat extends PanacheEntityBase {
    @Id
    @Column(name = "owner_id")
    public String ownerId;
    @Column(name = "interval_seconds", nullable = false)
    public int intervalSeconds;
    @Column(name = "deadline_at")
    public Instant deadlineAt;
    @Column(name = "last_heartbeat_at")
    public Instant lastHeartbeatAt;
    /** When the switch last paused the maker's ads, else null. */
    @Column(name = "tripped_at")
    public Instant trippedAt;
    /** How many ads it paused then. */
    @Column(name = "paused_ads", nullable = false)
    public int pausedAds;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Switches whose deadline passed, locked; rows another scan holds are skipped. */
    public static Uni<List<MakerHeartbeat>> lockDue(Instant now, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select * from maker_heartbeat
                where deadline_at <= :now
                order by deadline_at
                limit :limit
                for update skip locked""", MakerHeartbeat.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }
}
