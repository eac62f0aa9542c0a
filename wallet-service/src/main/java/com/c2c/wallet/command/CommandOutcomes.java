package com.c2c.wallet.command;

import com.c2c.events.Topics;
import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.wallet.command.domain.Outcome;
import com.c2c.wallet.command.domain.WalletCommand;
import com.c2c.wallet.command.store.CommandOutcome;
import com.c2c.wallet.ledger.Ledger;
import com.c2c.wallet.ledger.domain.Leg;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;
import org.jboss.logging.Logger;

/**
 * Gives every wallet command exactly one outcome and answers it on every arrival: the first arrival
 * decides (moving money or not) and records the outcome with the answer, in the consumer's
 * transaction; a later arrival of the same command id changes nothing and is answered with the
 * recorded outcome again, so its sender (idempotent too) can rely on an answer after any replay.
 */
@ApplicationScoped
public class CommandOutcomes {
    private static final Logger LOG = Logger.getLogger(CommandOutcomes.class);
    static final String ASSET = "USDT";

    private final Ledger ledger;
    private final Outbox outbox;
    private final ObjectMapper json;

    CommandOutcomes(Ledger ledger, Outbox outbox, ObjectMapper json) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * Answers a command that would post {@code legs}, the first of them its debit. The accounts of the
     * posting are locked first, so a concurrent command on them (or this command arriving twice at
     * once) waits and then sees this one's postings and outcome; {@code decide} gets the debited
     * account's locked balance, and is not asked about a command whose quantity is not positive
     * (rejected as INVALID_COMMAND).
     */
    public Uni<Void> answer(WalletCommand command, List<Leg> legs, LongFunction<Uni<Outcome>> decide) {
        return ledger.lockAccounts(ASSET, legs)
                .chain(balances -> CommandOutcome.<CommandOutcome>findById(command.id())
                        .chain(recorded -> recorded != null
                                ? answerAgain(recorded, command.type())
                                : decide(command, balances.get(0), decide).chain(outcome -> record(command, outcome))));
    }

    private static Uni<Outcome> decide(WalletCommand command, long balance, LongFunction<Uni<Outcome>> decide) {
        Outcome malformed = command.malformed();
        return malformed != null ? Uni.createFrom().item(malformed) : decide.apply(balance);
    }

    private Uni<Void> record(WalletCommand command, Outcome outcome) {
        CommandOutcome row = new CommandOutcome();
        row.commandId = command.id();
        row.commandType = command.type();
        row.outcomeType = outcome.type();
        row.recordKey = outcome.key();
        row.subject = outcome.subject();
        row.payload = toJson(outcome.event());
        row.createdAt = Instant.now();
        if (outcome.isRejection()) {
            LOG.infof("%s %s rejected: %s", command.type(), command.id(), row.payload);
        }
        return row.persist()
                .chain(() -> outbox.add(Topics.WALLET_EVENTS, outcome.key(), outcome.type(), outcome.subject(),
                        outcome.event()))
                .replaceWithVoid();
    }

    private Uni<Void> answerAgain(CommandOutcome recorded, String commandType) {
        if (!recorded.commandType.equals(commandType)) {
            // A sender reused a command id for another command: it gets the first command's answer, and we say so.
            LOG.warnf("command id %s of %s was first used by %s; answering with its outcome",
                    recorded.commandId, commandType, recorded.commandType);
        }
        return outbox.add(Topics.WALLET_EVENTS, recorded.recordKey, recorded.outcomeType, recorded.subject,
                        fromJson(recorded.payload))
                .replaceWithVoid();
    }

    private String toJson(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outcome cannot be written as JSON: " + event.getClass(), e);
        }
    }

    private Object fromJson(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recorded outcome is not JSON: " + payload, e);
        }
    }
}
