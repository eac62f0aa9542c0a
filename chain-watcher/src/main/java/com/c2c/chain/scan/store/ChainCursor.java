package com.c2c.chain.scan.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How far one chain is scanned (see V2__chain_scan.sql). */
@Entity
@Table(name = "chain_cursor")
public class ChainCursor extends PanacheEntityBase {
    @Id
    @Column(name = "chain_id")
    public long chainId;
    @Column(nullable = false)
    public String name;
    /** The last block fully read; -1 before the first. */
    @Column(name = "cursor_block", nullable = false)
    public long cursorBlock;
    @Column(name = "cursor_hash")
    public String cursorHash;
    @Column(name = "head_block")
    public Long headBlock;
    @Column(name = "last_step_at", nullable = false)
    public Instant lastStepAt;
}
