package com.c2c.chain.outgoing.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One signed version of an outgoing transfer (see V4__outgoing_transfers.sql). */
@Entity
@Table(name = "outgoing_tx")
public class OutgoingTx extends PanacheEntityBase {
    /** Where a signed version stands. */
    public enum State {
        /** Signed and (maybe) broadcast; no receipt on the canonical chain yet. */
        PENDING,
        /** In a block, not yet deep enough. */
        MINED,
        /** Succeeded, final. */
        CONFIRMED,
        /** Mined reverted, final. */
        FAILED,
        /** Another version of the same transfer became final. */
        SUPERSEDED;

        public boolean open() {
            return this == PENDING || this == MINED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "chain_id", nullable = false)
    public long chainId;
    @Column(name = "tx_hash", nullable = false)
    public String txHash;
    @Column(name = "transfer_id", nullable = false)
    public String transferId;
    @Column(nullable = false)
    public String purpose;
    @Column(nullable = false)
    public long nonce;
    @Column(name = "from_address", nullable = false)
    public String fromAddress;
    @Column(name = "to_address", nullable = false)
    public String toAddress;
    @Column(name = "amount_micros", nullable = false)
    public long amountMicros;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;
    @Column(name = "block_number")
    public Long blockNumber;
    @Column(name = "block_hash")
    public String blockHash;
    public String reason;
    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
