package com.c2c.platform.messaging.inbox;

import com.c2c.platform.messaging.outbox.OutboxRelay;
import com.c2c.platform.web.RequestIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies each consumed event at most once per consumer: the event id is inserted into the inbox in
 * the same transaction as the effect, so a redelivered event finds its id there and is skipped, and
 * a failed effect leaves no id behind and is retried.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final int ATTEMPTS = 5;

    /**
     * Handles one Kafka message: applies {@code effect} once (retrying transient failures with
     * backoff), then acknowledges; after the last failed attempt the message is nacked, which the
     * channel's failure strategy routes (dead-letter topic).
     *
     * @param consumer a stable name for this consumer of the event (its inbox namespace)
     */
    public Uni<Void> consume(String consumer, Message<String> message, Function<ReceivedEvent, Uni<Void>> effect) {
        ReceivedEvent event;
        try {
            event = ReceivedEvent.of(message);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().completionStage(message.nack(e));
        }
        // Events this one causes carry the request that started the chain (and so do the log lines).
        message.getMetadata(IncomingCloudEventMetadata.class)
                .flatMap(ce -> ce.getExtension(OutboxRelay.REQUEST_ID_EXTENSION))
                .ifPresent(id -> RequestIds.adopt(id.toString()));
        return applyOnce(consumer, event, effect)
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(ATTEMPTS)
                .onItemOrFailure().transformToUni((applied, failure) -> {
                    if (failure != null) {
                        LOG.errorf(failure, "%s could not apply event %s (%s)", consumer, event.id(), event.type());
                        return Uni.createFrom().completionStage(message.nack(failure));
                    }
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    /**
     * As {@link #consume}, for a consumer that handles only some event types of a topic: records of
     * other types are acknowledged at once, with no transaction and no inbox row.
     */
    public Uni<Void> consume(String consumer, Message<String> message, Set<String> types,
            Function<ReceivedEvent, Uni<Void>> effect) {
        String type = message.getMetadata(IncomingCloudEventMetadata.class).map(ce -> ce.getType()).orElse(null);
        if (!types.contains(type)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return consume(consumer, message, effect);
    }

    /** Runs {@code effect} in a new transaction unless this consumer already applied the event; true if it ran. */
    public Uni<Boolean> applyOnce(String consumer, ReceivedEvent event, Function<ReceivedEvent, Uni<Void>> effect) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type) values (:consumer, :id, :type)
                        on conflict do nothing""")
                        .setParameter("consumer", consumer)
                        .setParameter("id", event.id())
                        .setParameter("type", event.type())
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? effect.apply(event).replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE)));
    }
}
