package com.c2c.wallet.funding.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "funding_credit")
public class FundingCredit extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false, unique = true)
    public String reference;
    @Column(name = "owner_id", nullable = false)
    public String ownerId;
    @Column(nullable = false)
    public String asset;
    @Column(name = "amount_micros", nullable = false)
    public long amountMicros;
    @Column(name = "credited_by", nullable = false)
    public String creditedBy;
    @Column(nullable = false)
    public String kind;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
