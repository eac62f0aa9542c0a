package com.c2c.order.taker.store;

import com.c2c.order.ad.domain.Side;
import com.c2c.order.taker.domain.OrderMode;
import com.c2c.order.taker.domain.OrderStatus;
import com.c2c.order.taker.domain.PriceLimitSource;
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
@Table(name = "taker_order")
public class TakerOrder extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "owner_id", nullable = false)
    public String ownerId;
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;
    @Column(nullable = false)
    public String market;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderMode mode;
    /** Fiat minor units (a *_FIAT mode) or USDT micro-units, as the taker stated it. */
    @Column(nullable = false)
    public long amount;
    /** The ad the taker chose (AD_* modes), else null. */
    @Column(name = "ad_id")
    public UUID adId;
    /** USDT reserved for a SELL order (micro-units), 0 for a BUY order. */
    @Column(name = "reserved_micros", nullable = false)
    public long reservedMicros;
    @Column(name = "payment_method", nullable = false)
    public String paymentMethod;
    /**
     * The worst price the book may fill the order at (fiat minor units per USDT: a BUY's most, a SELL's
     * least), and where it came from; both null for orders placed before price protection.
     */
    @Column(name = "price_limit_minor")
    public Long priceLimitMinor;
    @Enumerated(EnumType.STRING)
    @Column(name = "price_limit_source")
    public PriceLimitSource priceLimitSource;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;
    @Column(name = "reject_reason")
    public String rejectReason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    public String fiat() {
        return market.substring(market.indexOf('-') + 1);
    }
}
