package com.c2c.wallet.command.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The answer a wallet command got, kept so that every later arrival of the command gets it again. */
@Entity
@Table(name = "wallet_command_outcome")
public class CommandOutcome extends PanacheEntityBase {
    @Id
    @Column(name = "command_id")
    public String commandId;
    @Column(name = "command_type", nullable = false)
    public String commandType;
    @Column(name = "outcome_type", nullable = false)
    public String outcomeType;
    @Column(name = "record_key", nullable = false)
    public String recordKey;
    @Column(nullable = false)
    public String subject;
    /** The outcome event's data, as published. */
    @Column(nullable = false)
    public String payload;
    /** What the command said (WalletCommand.fingerprint); null for outcomes recorded before fingerprints. */
    public String fingerprint;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
