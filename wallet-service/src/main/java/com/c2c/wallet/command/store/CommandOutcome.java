package com.c2c.wallet.command.store;

import com.c2c.platform.messaging.sql.PlainSql;
import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * The answer a wallet command got, kept (table {@code wallet_command_outcome}) so that every later arrival of the
 * command gets it again. Read and written with plain SQL in the command's transaction (ADR 0020): every command
 * reads it once and the first arrival writes it, and nothing here needs an entity's bookkeeping.
 *
 * @param payload     the outcome event's data, as published
 * @param fingerprint what the command said (WalletCommand.fingerprint); null for outcomes recorded before
 *                    fingerprints
 */
public record CommandOutcome(String commandId, String commandType, String outcomeType, String recordKey,
        String subject, String payload, String fingerprint, Instant createdAt) {

    /** The outcome recorded for the command id, or null when it has none yet. */
    public static Uni<CommandOutcome> find(String commandId) {
        return PlainSql.select("""
                select command_type, outcome_type, record_key, subject, payload, fingerprint, created_at
                from wallet_command_outcome where command_id = $1""", commandId)
                .map(rows -> rows.isEmpty() ? null : of(commandId, rows.get(0)));
    }

    /** Records this outcome; fails (unique key) if the command id already has one. */
    public Uni<Void> insert() {
        return PlainSql.update("""
                insert into wallet_command_outcome (command_id, command_type, outcome_type, record_key, subject,
                    payload, fingerprint, created_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8)""",
                commandId, commandType, outcomeType, recordKey, subject, payload, fingerprint, createdAt)
                .replaceWithVoid();
    }

    private static CommandOutcome of(String commandId, Object[] row) {
        return new CommandOutcome(commandId, (String) row[0], (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], PlainSql.instant(row[6]));
    }
}
