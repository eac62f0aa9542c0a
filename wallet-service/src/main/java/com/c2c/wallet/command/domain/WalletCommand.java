package com.c2c.wallet.command.domain;

import com.c2c.events.wallet.RejectionReason;
import com.c2c.wallet.ledger.domain.AccountKind;
import com.c2c.wallet.ledger.domain.Leg;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * One command to the ledger as the wallet handles it: its idempotency id, its CloudEvent type, the
 * trade, order or ad it is for, the owner whose USDT it moves (the seller for trade commands), how much,
 * and the other party it moves USDT to (the buyer of a lock or release; null when there is none).
 */
public record WalletCommand(String id, String type, UUID subjectId, String ownerId, long quantity,
        String counterpartyId) {

    public WalletCommand {
        if (id == null || id.isBlank() || subjectId == null || ownerId == null || ownerId.isBlank()) {
            // Without these nobody could be answered: the record is not a command (it goes to the dead-letter topic).
            throw new IllegalArgumentException("command " + type + " lacks its id, subject or owner");
        }
    }

    public WalletCommand(String id, String type, UUID subjectId, String ownerId, long quantity) {
        this(id, type, subjectId, ownerId, quantity, null);
    }

    /**
     * What the command says, as a SHA-256 over every field that decides what it moves: two arrivals of one
     * command id are the same command only if their fingerprints are equal. Each field is written with its
     * length, so no two different commands can run together into the same text.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {type, id, subjectId.toString(), ownerId, Long.toString(quantity),
                counterpartyId == null ? "-" : "+" + counterpartyId}) {
            text.append(field.length()).append(':').append(field).append(';');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The legs that move the command's quantity between two of its owner's accounts. */
    public List<Leg> moves(AccountKind from, AccountKind to) {
        return List.of(new Leg(ownerId, from, -quantity), new Leg(ownerId, to, quantity));
    }

    /** The command was carried out; {@code event} (of CloudEvent type {@code type}) says so. */
    public Outcome done(String type, Object event) {
        return Outcome.done(type, ownerId, subjectId, event);
    }

    public Outcome reject(RejectionReason reason, String message) {
        return Outcome.rejected(id, type, subjectId, ownerId, reason, message);
    }

    /** The rejection of a command that cannot be carried out whatever the balances are; null if it can. */
    public Outcome malformed() {
        return quantity > 0 ? null : reject(RejectionReason.INVALID_COMMAND, RejectionMessages.notPositive(quantity));
    }
}
