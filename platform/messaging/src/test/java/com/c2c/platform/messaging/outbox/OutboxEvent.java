package com.c2c.platform.messaging.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting in (or already relayed from) the outbox table, mapped for the messaging tests' own application:
 * Hibernate Reactive starts only with an entity, and the services have theirs. The platform itself never maps the
 * table (Outbox.add writes it with plain SQL, ADR 0020; the relay reads it through the pool).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true, updatable = false)
    public UUID eventId;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "record_key", nullable = false, updatable = false)
    public String recordKey;

    @Column(nullable = false, updatable = false)
    public String type;

    @Column(updatable = false)
    public String subject;

    @Column(nullable = false, updatable = false)
    public String payload;

    /** The request (X-Request-Id) that caused the change, carried as CloudEvent extension {@code requestid}. */
    @Column(name = "request_id", updatable = false)
    public String requestId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
