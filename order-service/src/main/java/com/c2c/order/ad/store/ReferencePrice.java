package com.c2c.order.ad.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The admin-set price of 1 USDT in a fiat, which FLOATING ads of that fiat follow. */
@Entity
@Table(name = "reference_price")
public class ReferencePrice extends PanacheEntityBase {
    @Id
    public String fiat;
    @Column(name = "price_minor", nullable = false)
    public long priceMinor;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
