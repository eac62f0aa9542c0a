package com.c2c.chain.scan.store;

import com.c2c.chain.scan.domain.DepositState;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A token transfer to a watched address (see V2__chain_scan.sql and {@link DepositState}). */
@Entity
@Table(name = "deposit")
public class Deposit extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "chain_id", nullable = false)
    public long chainId;
    @Column(name = "tx_hash", nullable = false)
    public String txHash;
    @Column(name = "log_index", nullable = false)
    public int logIndex;
    @Column(name = "block_number", nullable = false)
    public long blockNumber;
    @Column(name = "block_hash", nullable = false)
    public String blockHash;
    @Column(name = "token_contract", nullable = false)
    public String tokenContract;
    @Column(name = "from_address", nullable = false)
    public String fromAddress;
    @Column(name = "to_address", nullable = false)
    public String toAddress;
    @Column(name = "owner_id", nullable = false)
    public String ownerId;
    @Column(name = "raw_value", nullable = false, precision = 78, scale = 0)
    public BigDecimal rawValue;
    /** Null only for an OVERSIZED transfer. */
    @Column(name = "amount_micros")
    public Long amountMicros;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DepositState state;
    public String reason;
    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
