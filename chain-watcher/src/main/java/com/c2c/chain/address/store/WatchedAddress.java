package com.c2c.chain.address.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "watched_address")
public class WatchedAddress extends PanacheEntityBase {
    @Embeddable
    public record Key(@Column(name = "chain_id") long chainId, @Column(name = "address") String address)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "owner_id", nullable = false)
    public String ownerId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** Blocks [backfillFrom, backfillTo] still to read again for transfers to this address; null: none (V3). */
    @Column(name = "backfill_from")
    public Long backfillFrom;
    @Column(name = "backfill_to")
    public Long backfillTo;
}
