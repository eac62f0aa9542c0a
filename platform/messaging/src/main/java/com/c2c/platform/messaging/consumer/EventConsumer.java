package com.c2c.platform.messaging.consumer;

import com.c2c.events.EventCatalog;
import com.c2c.platform.messaging.consumer.ConsumerHealth.State;
import com.c2c.platform.messaging.inbox.Inbox;
import com.c2c.platform.messaging.inbox.ReceivedEvent;
import com.c2c.platform.messaging.outbox.OutboxRelay;
import com.c2c.platform.web.Outages;
import com.c2c.platform.web.RequestIds;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The one way a service consumes events. Each record is applied once (through the {@link Inbox}) by the
 * handler its {@link Subscription} binds to its type, and every failure is classified:
 * <ul>
 * <li><b>poison</b> ({@link PoisonEvent}: no CloudEvent envelope, unreadable data, a missing field, a type or
 * version this consumer does not know, content a handler finds invalid) can never be applied: the record is
 * dead-lettered at once with the reason (topic {@code c2c.deadletter.v1}, headers naming the consumer),
 * counted ({@code c2c.messaging.dead.letters}), and the consumer moves on;</li>
 * <li>an <b>outage</b> (PostgreSQL or Kafka unavailable, a timeout; see {@link Outages}) is retried with
 * backoff without limit, readiness DOWN while it lasts; nothing is skipped;</li>
 * <li>anything else is <b>unexpected</b> (a bug, a violated constraint): the record is kept and retried
 * slowly, readiness DOWN and the stalled gauge at 1 for an alert, because skipping it would break the
 * per-key order later records rely on (an ad's fill after its listing, a release after its lock).</li>
 * </ul>
 * Records arrive in polled batches, applied in one transaction when nothing goes wrong (see {@link
 * #consume}); a service reads all its topics through one Kafka consumer (ADR 0021), and each record goes to the
 * subscription that reads its topic. The consumer handles one batch at a time, so holding a record holds the ones
 * behind it, whatever their topic.
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    public static final String DEAD_LETTERS = "c2c.messaging.dead.letters";
    public static final String RETRIES = "c2c.messaging.consumer.retries";
    /** Records per polled batch (tag {@code consumer}: the channel, {@code events} in a service, ADR 0021). */
    public static final String BATCH_SIZE = "c2c.messaging.consumer.batch.size";
    /** Batches that could not be applied in one transaction and were applied one record at a time. */
    public static final String BATCH_FALLBACKS = "c2c.messaging.consumer.batch.fallbacks";
    /** A record that cannot be applied (poison): its batch goes one record at a time, where it is dead-lettered. */
    private static final Inbox.Effect UNREADABLE = new Inbox.Effect(null, null, null);
    /** Where a subscription's topic can be pointed elsewhere: {@code c2c.in.<source>} (tests read topics of their own). */
    public static final String SOURCE_PREFIX = "c2c.in.";
    /** Headers a dead letter carries besides the connector's own (dead-letter-reason, -topic, -partition, -offset). */
    public static final String CONSUMER_HEADER = "dead-letter-consumer";
    public static final String KIND_HEADER = "dead-letter-kind";
    public static final String SERVICE_HEADER = "dead-letter-service";
    /** Times a batch that met a deadlock or serialization failure is tried again whole before going one by one. */
    static final int BATCH_CONFLICT_RETRIES = 3;
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);
    /** Log a held record on its first failure and then every this many, not on every retry. */
    private static final int LOG_EVERY = 20;

    private final Inbox inbox;
    private final ObjectMapper json;
    private final ConsumerHealth health;
    private final MeterRegistry meters;
    private final String service;
    private final Duration stalledRetry;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    /** Each topic read here, by the name it has on the broker, and the one subscription that applies its records. */
    private final Map<String, Subscription> byTopic = new ConcurrentHashMap<>();

    EventConsumer(Inbox inbox, ObjectMapper json, @Readiness ConsumerHealth health, MeterRegistry meters,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "c2c.consumer.stalled-retry", defaultValue = "30s") Duration stalledRetry) {
        this.inbox = inbox;
        this.json = json;
        this.health = health;
        this.meters = meters;
        this.service = service;
        this.stalledRetry = stalledRetry;
    }

    /**
     * Registers a subscription (once, from the constructor of the bean that builds it, which the service's
     * {@code @Incoming} bean injects so that it exists before the first batch). The topic it reads is its
     * platform topic unless {@code c2c.in.<source>} names another; naming another platform topic, or a topic
     * another subscription reads, fails the start.
     */
    public Subscription register(Subscription subscription) {
        String reads = ConfigProvider.getConfig()
                .getOptionalValue(SOURCE_PREFIX + subscription.source(), String.class).orElse(subscription.topic());
        // A test may point a subscription at a topic of its own; another platform topic is always a mistake.
        if (!reads.equals(subscription.topic()) && EventCatalog.all().stream().anyMatch(t -> t.topic().equals(reads))) {
            throw new IllegalStateException(subscription.consumer() + " expects topic " + subscription.topic()
                    + " but " + SOURCE_PREFIX + subscription.source() + " is " + reads);
        }
        Subscription known = subscriptions.get(subscription.consumer());
        if (known != null && known != subscription) {
            throw new IllegalStateException("two consumers are named " + subscription.consumer());
        }
        Subscription reader = byTopic.get(reads);
        if (reader != null && reader != subscription) {
            throw new IllegalStateException(reader.consumer() + " and " + subscription.consumer() + " both read " + reads);
        }
        // Registered from start-up constructors, one at a time.
        subscriptions.put(subscription.consumer(), subscription);
        byTopic.put(reads, subscription);
        health.watch(subscription.consumer());
        return subscription;
    }

    /**
     * Checks, at start-up, that {@code channel} reads exactly the topics of the subscriptions registered here: a topic
     * it reads that no subscription reads (its records could only be skipped), or a subscription whose topic it does
     * not read (it would get nothing), fails the start. A service's one consumer ({@code KafkaIntake}, ADR 0021) calls
     * it once its subscriptions exist.
     */
    public void requireSameTopics(String channel) {
        Config config = ConfigProvider.getConfig();
        String prefix = "mp.messaging.incoming." + channel;
        Set<String> read = new TreeSet<>();
        config.getOptionalValue(prefix + ".topics", String.class)
                .or(() -> config.getOptionalValue(prefix + ".topic", String.class))
                .ifPresent(topics -> Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                        .forEach(read::add));
        Set<String> subscribed = new TreeSet<>(byTopic.keySet());
        if (!read.equals(subscribed)) {
            throw new IllegalStateException("channel " + channel + " reads " + read + " but its subscriptions read "
                    + subscribed + " (c2c.in.<source> names each subscription's topic)");
        }
    }

    /** Whether a consumer of this name is registered here (so its dead letters can be replayed). */
    public boolean knows(String consumer) {
        return consumer != null && subscriptions.containsKey(consumer);
    }

    /**
     * Handles one polled batch of the service's channel (it has {@code batch=true}), each record by the
     * subscription that reads its topic; completes when every record of it is applied, skipped or
     * dead-lettered, and then acknowledges the batch. {@code channel} names the batch in metrics and logs.
     *
     * <p>The common case costs one transaction and one inbox insert for the whole batch ({@link
     * Inbox#applyAllOnce}): every record read, then applied in order. Anything else — a record that cannot be
     * read, or any failure while applying (an outage, a bug, content a handler refuses) — rolls that
     * transaction back and the batch is handled again one record at a time, each in its own transaction with
     * the failure classification above, so a poison record is dead-lettered alone and the records before it
     * are not held back by it. Both ways apply the records in the order they were polled, which keeps each
     * partition's (and so each key's) order. Each record's inbox row is in its subscription's namespace.
     */
    public Uni<Void> consume(String channel, KafkaRecordBatch<String, String> batch) {
        Context context = Vertx.currentContext();
        List<KafkaRecord<String, String>> records = batch.getRecords();
        meters.summary(BATCH_SIZE, "consumer", channel).record(records.size());
        List<Inbox.Effect> effects = new ArrayList<>(records.size());
        for (KafkaRecord<String, String> record : records) {
            Subscription subscription = byTopic.get(record.getTopic());
            Inbox.Effect effect = subscription == null ? UNREADABLE : readable(subscription, record);
            if (effect == UNREADABLE) {
                return oneByOne(records, context).chain(() -> ack(batch));
            }
            if (effect != null) {
                effects.add(effect);
            }
        }
        if (effects.size() <= 1) { // nothing to share a transaction with
            return oneByOne(records, context).chain(() -> ack(batch));
        }
        return applyTogether(channel, batch, effects, context, 0);
    }

    /**
     * The batch's effects in one transaction. A deadlock or serialization failure with another transaction
     * (a request to the service's API, or another instance's consumer, touching the same rows in another order)
     * is tried again as a batch, up to {@link #BATCH_CONFLICT_RETRIES} times: the other
     * transaction has gone on by then, and going one record at a time would cost a transaction per record.
     */
    private Uni<Void> applyTogether(String channel, KafkaRecordBatch<String, String> batch,
            List<Inbox.Effect> effects, Context context, int conflicts) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        return Uni.createFrom().deferred(() -> inbox.applyAllOnce(effects))
                .onItemOrFailure().transformToUni((applied, failure) -> {
                    if (failure == null) {
                        return ack(batch);
                    }
                    if (conflicts < BATCH_CONFLICT_RETRIES && Outages.isConflict(failure)) {
                        LOG.debugf("%s tries its batch of %d again after a conflict: %s", channel, records.size(),
                                failure.toString());
                        meters.counter(RETRIES, "consumer", channel, "kind", "conflict").increment();
                        return on(context).chain(() -> applyTogether(channel, batch, effects, context, conflicts + 1));
                    }
                    LOG.debugf("%s applies a batch of %d one record at a time: %s", channel, records.size(),
                            failure.toString());
                    meters.counter(BATCH_FALLBACKS, "consumer", channel).increment();
                    return oneByOne(records, context).chain(() -> ack(batch));
                });
    }

    /** A record's effect for a batch transaction; null if its type is ignored here, UNREADABLE if it is poison. */
    private Inbox.Effect readable(Subscription subscription, Message<String> record) {
        Read read = read(subscription, record);
        if (read.poison() != null) {
            return UNREADABLE;
        }
        if (read.effect() == null) {
            return null;
        }
        String requestId = requestIdOf(record);
        return new Inbox.Effect(subscription.consumer(), read.event(), () -> {
            RequestIds.adopt(requestId);
            return read.effect().get();
        });
    }

    /** A record as read: its event and effect (none when its type is ignored here), or why it is poison. */
    private record Read(ReceivedEvent event, Supplier<Uni<Void>> effect, PoisonEvent poison) {
    }

    private Read read(Subscription subscription, Message<String> record) {
        ReceivedEvent event;
        try {
            event = ReceivedEvent.of(record);
        } catch (IllegalArgumentException e) {
            return new Read(null, null, PoisonEvent.unreadable(e.getMessage(), e));
        }
        if (subscription.ignores(event.type())) {
            return new Read(event, null, null);
        }
        try {
            return new Read(event, prepare(subscription, event), null);
        } catch (PoisonEvent poison) {
            return new Read(event, null, poison);
        }
    }

    /**
     * Each record in its own transaction, in order; the batch is acknowledged by the caller. Each record starts
     * back on the consumer's Vert.x context: the step before it may have completed elsewhere (a rolled-back
     * batch transaction, a dead letter acknowledged on the Kafka producer's thread), and a transaction needs
     * that context.
     */
    private Uni<Void> oneByOne(List<KafkaRecord<String, String>> records, Context context) {
        return Multi.createFrom().iterable(records)
                .onItem().transformToUniAndConcatenate(record -> on(context)
                        .chain(() -> handle(record, context)))
                .collect().last().replaceWithVoid();
    }

    /** Completes on {@code context}: at once when already there, else on its next turn. */
    private static Uni<Void> on(Context context) {
        if (context == null || Vertx.currentContext() == context) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().<Void>emitter(emitter -> context.runOnContext(ignored -> emitter.complete(null)));
    }

    /** One record, in its own transaction: applied, ignored or dead-lettered (the dead letter acknowledges it). */
    private Uni<Void> handle(KafkaRecord<String, String> message, Context context) {
        Subscription subscription = byTopic.get(message.getTopic());
        if (subscription == null) { // a topic no subscription reads: requireSameTopics stops a service so wired at start
            return deadLetter(service, message, null, PoisonEvent.unknownType("no consumer of " + service
                    + " reads topic " + message.getTopic()));
        }
        Read read = read(subscription, message);
        if (read.poison() != null) {
            return deadLetter(subscription.consumer(), message, read.event(), read.poison());
        }
        // Events this one causes carry the request that started the chain (and so do the log lines).
        RequestIds.adopt(requestIdOf(message));
        if (read.effect() == null) {
            return Uni.createFrom().voidItem();
        }
        return attempt(subscription, message, read.event(), read.effect(), context, 0);
    }

    private static String requestIdOf(Message<String> message) {
        @SuppressWarnings("unchecked")
        Optional<IncomingCloudEventMetadata<String>> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(m -> (IncomingCloudEventMetadata<String>) m);
        return ce.flatMap(m -> m.<Object>getExtension(OutboxRelay.REQUEST_ID_EXTENSION))
                .map(Object::toString).orElse(null);
    }

    /**
     * Applies a dead-lettered record again through its consumer's handler, once (an event the consumer
     * applied meanwhile is not applied twice): true if it was applied now, false if it already had been.
     * Fails with {@link PoisonEvent} if it still cannot be read.
     */
    public Uni<Boolean> replay(String consumer, ReceivedEvent event) {
        Subscription subscription = subscriptions.get(consumer);
        if (subscription == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("no consumer " + consumer + " here"));
        }
        Supplier<Uni<Void>> effect;
        try {
            effect = prepare(subscription, event);
        } catch (PoisonEvent poison) {
            return Uni.createFrom().failure(poison);
        }
        return inbox.applyOnce(consumer, event, e -> effect.get());
    }

    private Supplier<Uni<Void>> prepare(Subscription subscription, ReceivedEvent event) {
        Subscription.Handler<?> handler = subscription.handler(event.type());
        if (handler == null) {
            throw PoisonEvent.unknownType(subscription.consumer() + " does not know event type " + event.type()
                    + " on " + subscription.topic() + " (an unknown type or version)");
        }
        Object payload = EventPayloads.read(json, handler.type(), event.data());
        return () -> handler.applyTo(event, payload);
    }

    private Uni<Void> attempt(Subscription s, Message<String> message, ReceivedEvent event,
            Supplier<Uni<Void>> effect, Context context, int failures) {
        return Uni.createFrom().deferred(() -> inbox.applyOnce(s.consumer(), event, e -> effect.get()))
                .onItemOrFailure().transformToUni((applied, failure) -> {
                    if (failure == null) {
                        if (failures > 0) {
                            health.release(s.consumer());
                            LOG.infof("%s applied event %s (%s) after %d failed attempts", s.consumer(), event.id(),
                                    event.type(), failures);
                        }
                        return Uni.createFrom().voidItem();
                    }
                    PoisonEvent poison = poisonIn(failure);
                    if (poison != null) {
                        health.release(s.consumer());
                        return deadLetter(s.consumer(), message, event, poison);
                    }
                    boolean outage = Outages.isOutage(failure);
                    health.hold(s.consumer(), outage ? State.WAITING : State.STALLED, event.id(), event.type());
                    meters.counter(RETRIES, "consumer", s.consumer(), "kind", outage ? "outage" : "unexpected")
                            .increment();
                    if (failures % LOG_EVERY == 0) {
                        if (outage) {
                            LOG.warnf("%s waits to apply event %s (%s), attempt %d: %s", s.consumer(), event.id(),
                                    event.type(), failures + 1, failure.toString());
                        } else {
                            LOG.errorf(failure, "%s is stalled on event %s (%s), attempt %d: nothing after it is"
                                    + " applied until it is; fix the cause or dead-letter it (docs/operations.md)",
                                    s.consumer(), event.id(), event.type(), failures + 1);
                        }
                    }
                    Duration delay = outage ? backoff(failures) : stalledRetry;
                    return later(context, delay).chain(() -> attempt(s, message, event, effect, context, failures + 1));
                });
    }

    private Uni<Void> deadLetter(String consumer, Message<String> message, ReceivedEvent event, PoisonEvent poison) {
        LOG.warnf("%s dead-lettered event %s (%s): %s", consumer, event == null ? "?" : event.id(),
                event == null ? "?" : event.type(), poison.getMessage());
        meters.counter(DEAD_LETTERS, "consumer", consumer, "reason", poison.kind()).increment();
        RecordHeaders headers = new RecordHeaders();
        headers.add(CONSUMER_HEADER, consumer.getBytes(StandardCharsets.UTF_8));
        headers.add(KIND_HEADER, poison.kind().getBytes(StandardCharsets.UTF_8));
        headers.add(SERVICE_HEADER, service.getBytes(StandardCharsets.UTF_8));
        Metadata metadata = Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
        // The connector writes the dead letter (with the origin topic, partition, offset and reason) and
        // then commits past the record; if Kafka cannot take it now, try again rather than lose it.
        return Uni.createFrom().completionStage(() -> message.nack(poison, metadata))
                .onFailure().retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).indefinitely();
    }

    private static Uni<Void> ack(Message<?> message) {
        return Uni.createFrom().completionStage(message.ack());
    }

    private static PoisonEvent poisonIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEvent poison) {
                return poison;
            }
        }
        return null;
    }

    static Duration backoff(int failures) {
        long millis = FIRST_RETRY.toMillis() << Math.min(failures, 16);
        return Duration.ofMillis(Math.min(millis, LONGEST_RETRY.toMillis()));
    }

    /** Completes after {@code delay} back on the consumer's Vert.x context (the inbox's transactions need it). */
    private static Uni<Void> later(Context context, Duration delay) {
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(delay);
        }
        return Uni.createFrom().<Void>emitter(emitter -> context.owner().setTimer(delay.toMillis(),
                id -> context.runOnContext(ignored -> emitter.complete(null))));
    }
}
