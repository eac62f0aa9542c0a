package com.c2c.chain.scan.store;

import com.c2c.chain.scan.domain.BlockRef;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A recent block's hash and parent hash, kept to find where a reorg starts. */
@Entity
@Table(name = "kept_block")
public class KeptBlock extends PanacheEntityBase {
    @Embeddable
    public record Key(@Column(name = "chain_id") long chainId, @Column(name = "number") long number)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(nullable = false)
    public String hash;
    @Column(name = "parent_hash", nullable = false)
    public String parentHash;

    public BlockRef ref() {
        return new BlockRef(key.number(), hash, parentHash);
    }
}
