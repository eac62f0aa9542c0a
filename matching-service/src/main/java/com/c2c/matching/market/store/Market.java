package com.c2c.matching.market.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "market")
public class Market extends PanacheEntityBase {
    /** {@code ASSET-FIAT}, e.g. USDT-CNY. */
    @Id
    public String id;
    @Column(nullable = false)
    public String asset;
    @Column(nullable = false)
    public String fiat;
    @Column(name = "fiat_scale", nullable = false)
    public int fiatScale;
    @Column(name = "tick_minor", nullable = false)
    public long tickMinor;
    @Column(name = "opened_by", nullable = false)
    public String openedBy;
    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;
}
