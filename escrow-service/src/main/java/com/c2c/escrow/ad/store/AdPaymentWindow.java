package com.c2c.escrow.ad.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "ad_payment_window")
public class AdPaymentWindow extends PanacheEntityBase {
    @Id
    @Column(name = "ad_id")
    public UUID adId;
    @Column(name = "payment_window_minutes", nullable = false)
    public int minutes;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
