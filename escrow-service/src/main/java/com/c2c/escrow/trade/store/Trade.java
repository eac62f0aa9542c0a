package com.c2c.escrow.trade.store;

import com.c2c.escrow.trade.domain.TradeStatus;
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
@Table(name = "trade")
public class Trade extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String market;
    @Column(name = "buyer_id", nullable = false)
    public String buyerId;
    @Column(name = "seller_id", nullable = false)
    public String sellerId;
    @Column(name = "quantity_micros", nullable = false)
    public long quantityMicros;
    @Column(name = "price_minor", nullable = false)
    public long priceMinor;
    @Column(name = "fiat_amount_minor", nullable = false)
    public long fiatAmountMinor;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TradeStatus status;
    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;
    @Version
    public long version;
}
