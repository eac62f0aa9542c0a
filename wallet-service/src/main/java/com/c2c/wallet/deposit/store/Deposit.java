package com.c2c.wallet.deposit.store;

import com.c2c.wallet.deposit.domain.DepositState;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * One token transfer to a deposit address and what the wallet made of it. Its state changes only as
 * {@link com.c2c.wallet.deposit.domain.DepositLifecycle} decides; V5 keeps a credited one credited.
 */
@Entity
@Table(name = "deposit")
public class Deposit extends PanacheEntityBase {
    @Embeddable
    public record Key(@Column(name = "chain_id") long chainId, @Column(name = "tx_hash") String txHash,
            @Column(name = "log_index") int logIndex) implements Serializable {

        /** The ledger command that credits it: once per deposit, whoever reports it how often. */
        public String creditCommandId() {
            return "deposit:" + chainId + ":" + txHash + ":" + logIndex;
        }
    }

    @EmbeddedId
    public Key key;
    @Column(name = "to_address", nullable = false, updatable = false)
    public String toAddress;
    @Column(name = "owner_id")
    public String ownerId;
    @Column(name = "token_contract")
    public String tokenContract;
    @Column(name = "amount_micros", nullable = false)
    public long amountMicros;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DepositState state;
    public String reason;
    @Column(name = "block_number", nullable = false)
    public long blockNumber;
    @Column(name = "block_hash", nullable = false)
    public String blockHash;
    @Column(name = "detected_at", nullable = false, updatable = false)
    public Instant detectedAt;
    @Column(name = "credited_at")
    public Instant creditedAt;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
