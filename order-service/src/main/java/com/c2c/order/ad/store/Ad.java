package com.c2c.order.ad.store;

import com.c2c.order.ad.domain.AdStatus;
import com.c2c.order.ad.domain.Side;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "ad")
public class Ad extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "owner_id", nullable = false)
    public String ownerId;
    @Column(nullable = false)
    public String market;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;
    @Column(nullable = false)
    public String fiat;
    @Column(name = "price_minor", nullable = false)
    public long priceMinor;
    @Column(name = "quantity_micros", nullable = false)
    public long quantityMicros;
    @Column(name = "min_order_minor", nullable = false)
    public long minOrderMinor;
    @Column(name = "max_order_minor", nullable = false)
    public long maxOrderMinor;
    /** Comma-separated {@link com.c2c.events.PaymentMethod} names. */
    @Column(name = "payment_methods", nullable = false)
    public String paymentMethods;
    @Column(name = "payment_window_minutes", nullable = false)
    public int paymentWindowMinutes;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AdStatus status;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Version
    public long version;
}
