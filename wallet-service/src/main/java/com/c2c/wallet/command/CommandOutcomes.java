package com.c2c.wallet.command;

import com.c2c.events.EventCatalog;
import com.c2c.events.EventType;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.events.wallet.RejectionReason;
import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.wallet.command.domain.Outcome;
import com.c2c.wallet.command.domain.WalletCommand;
import com.c2c.wallet.command.store.CommandOutcome;
import com.c2c.wallet.ledger.Ledger;
import com.c2c.wallet.ledger.domain.Leg;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Gives every wallet command exactly one outcome and answers it on every arrival: the first arrival
 * decides (moving money or not) and records the outcome with the answer and the command's fingerprint,
 * in the consumer's transaction; a later arrival of the same command changes nothing and is answered with
 * the recorded outcome again, so its sender (idempotent too) can rely on an answer after any replay. A
 * later arrival of the same id with other content is not that command: it is rejected (COMMAND_ID_REUSED),
 * counted ({@value #ID_REUSED}) and changes nothing; the first outcome stands.
 */
@ApplicationScoped
public class CommandOutcomes {
    private static final Logger LOG = Logger.getLogger(CommandOutcomes.class);
    static final String ASSET = "USDT";
    /** Commands that reused another command's id with other content, by command type. */
    public static final String ID_REUSED = "c2c.wallet.command.id.reused";

    private final Ledger ledger;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    CommandOutcomes(Ledger ledger, Outbox outbox, ObjectMapper json, MeterRegistry meters) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.json = json;
        this.meters = meters;
    }

    /**
     * Answers a command that would post {@code legs}, the first of them its debit. The accounts of the
     * posting are locked first, so a concurrent command on them (or this command arriving twice at
     * once) waits and then sees this one's postings and outcome; {@code decide} gets the debited
     * account's locked balance, and is not asked about a command whose quantity is not positive
     * (rejected as INVALID_COMMAND).
     */
    public Uni<Void> answer(WalletCommand command, List<Leg> legs, LongFunction<Uni<Outcome>> decide) {
        return answer(command, legs, decide, UnaryOperator.identity());
    }

    /**
     * Like {@link #answer(WalletCommand, List, LongFunction)}, with every refusal (a malformed command's too) said as
     * {@code refusal} words it, for a sender that expects its own event rather than WalletCommandRejected. A reused id
     * is still refused as COMMAND_ID_REUSED: that refusal is not the command's outcome.
     */
    public Uni<Void> answer(WalletCommand command, List<Leg> legs, LongFunction<Uni<Outcome>> decide,
            UnaryOperator<Outcome> refusal) {
        return once(command, legs, balance -> {
            Outcome malformed = command.malformed();
            return (malformed != null ? Uni.createFrom().item(malformed) : decide.apply(balance))
                    .map(outcome -> outcome.isRejection() ? refusal.apply(outcome) : outcome);
        }, true);
    }

    /**
     * Like {@link #answer}, for a request whose repeats need no answer (an ad posted again under a new event
     * id was answered the first time): the first arrival decides and is recorded; a repeat changes nothing and
     * says nothing, unless it reused the id with other content.
     */
    public Uni<Void> decideOnce(WalletCommand command, List<Leg> legs, LongFunction<Uni<Outcome>> decide) {
        return once(command, legs, decide, false);
    }

    private Uni<Void> once(WalletCommand command, List<Leg> legs, LongFunction<Uni<Outcome>> decide,
            boolean answerRepeats) {
        String fingerprint = command.fingerprint();
        return ledger.lockAccounts(ASSET, legs)
                .chain(balances -> CommandOutcome.find(command.id())
                        .chain(recorded -> {
                            if (recorded == null) {
                                return decide.apply(balances.get(0)).chain(outcome -> record(command, fingerprint, outcome));
                            }
                            if (recorded.fingerprint() != null && !recorded.fingerprint().equals(fingerprint)) {
                                return reusedId(command, recorded);
                            }
                            return answerRepeats ? answerAgain(recorded, command.type()) : Uni.createFrom().voidItem();
                        }));
    }

    private Uni<Void> record(WalletCommand command, String fingerprint, Outcome outcome) {
        CommandOutcome row = new CommandOutcome(command.id(), command.type(), outcome.type(), outcome.key(),
                outcome.subject(), toJson(outcome.event()), fingerprint, Instant.now());
        if (outcome.isRejection()) {
            LOG.infof("%s %s rejected: %s", command.type(), command.id(), row.payload());
        }
        return row.insert()
                .chain(() -> outbox.add(topicOf(outcome.type()), outcome.key(), outcome.type(), outcome.subject(),
                        outcome.event()))
                .replaceWithVoid();
    }

    /** Another command under a recorded command's id: refused and counted, never recorded (the first outcome stands). */
    private Uni<Void> reusedId(WalletCommand command, CommandOutcome recorded) {
        meters.counter(ID_REUSED, "command", command.type()).increment();
        String message = "command id " + command.id() + " was already used by a " + recorded.commandType()
                + " with other content (recorded " + recorded.createdAt() + ", outcome " + recorded.outcomeType()
                + "); this command changed nothing";
        LOG.errorf("%s %s refused: %s", command.type(), command.id(), message);
        Outcome rejected = command.reject(RejectionReason.COMMAND_ID_REUSED, message);
        return outbox.add(topicOf(rejected.type()), rejected.key(), rejected.type(), rejected.subject(), rejected.event())
                .replaceWithVoid();
    }

    private Uni<Void> answerAgain(CommandOutcome recorded, String commandType) {
        if (!recorded.commandType().equals(commandType)) {
            // An outcome recorded before fingerprints, under another command type: the first command's answer.
            LOG.warnf("command id %s of %s was first used by %s; answering with its outcome",
                    recorded.commandId(), commandType, recorded.commandType());
        }
        if (EventTypes.TRADE_LOCK_REFUSED.equals(recorded.outcomeType())) {
            // A refused lock said again is said as the refusal every escrow understands (ADR 0028): the first answer
            // opened the trade, CANCELLED; a repeat only asks an escrow that holds the trade OPENED (one opened before
            // ADR 0028, or by an older escrow during an upgrade or a rollback) to cancel it, which TradeLockRefused,
            // a type such an escrow does not know, could not.
            JsonNode refused = (JsonNode) fromJson(recorded.payload());
            Outcome again = Outcome.rejected(recorded.commandId(), EventTypes.LOCK_FUNDS,
                    UUID.fromString(recorded.subject()), recorded.recordKey(),
                    RejectionReason.valueOf(refused.path("reason").asText()), refused.path("message").asText());
            return outbox.add(topicOf(again.type()), again.key(), again.type(), again.subject(), again.event())
                    .replaceWithVoid();
        }
        return outbox.add(topicOf(recorded.outcomeType()), recorded.recordKey(), recorded.outcomeType(), recorded.subject(),
                        fromJson(recorded.payload()))
                .replaceWithVoid();
    }

    /**
     * Where an outcome is published: its type's topic (a trade's funds on their own, ADR 0019, the rest on wallet
     * events). An outcome recorded under a type this build does not know is answered on wallet events as before.
     */
    static String topicOf(String outcomeType) {
        return EventCatalog.byName(outcomeType).map(EventType::topic).orElse(Topics.WALLET_EVENTS);
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
