package com.c2c.wallet.deposit.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** An owner's deposit address on a chain: BIP-44 .../0/addressIndex of the deposit xpub. Never changed (V5). */
@Entity
@Table(name = "deposit_address")
public class DepositAddress extends PanacheEntityBase {
    @Embeddable
    public record Key(@Column(name = "chain_id") long chainId, @Column(name = "owner_id") String ownerId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "address_index", nullable = false, updatable = false)
    public int addressIndex;
    /** Lower-case hex, as stored and as chain events name it. */
    @Column(nullable = false, updatable = false)
    public String address;
    @Column(name = "assigned_at", nullable = false, updatable = false)
    public Instant assignedAt;
}
