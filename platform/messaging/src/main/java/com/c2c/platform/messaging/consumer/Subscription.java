package com.c2c.platform.messaging.consumer;

import com.c2c.events.EventCatalog;
import com.c2c.events.EventType;
import com.c2c.platform.messaging.inbox.ReceivedEvent;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What one consumer takes from one topic: a handler per event type it applies, and the types of that topic
 * it deliberately ignores. Built once, when the consumer bean is created (at start-up), and checked then:
 * a handler for a type published on another topic, or a type of this topic with neither a handler nor an
 * explicit "ignore", fails the start rather than the first record. A type that moved to another topic (ADR
 * 0019) counts as one of its former topic too, since records of it published before the move are still there.
 *
 * @param consumer the consumer's stable name: its inbox namespace, and how dead letters and health name it
 * @param source   the key that may point it at another topic than {@code topic}: {@code c2c.in.<source>} (tests
 *                 read topics of their own); the service's one Kafka consumer must read that topic (ADR 0021)
 */
public record Subscription(String consumer, String source, String topic, Map<String, Handler<?>> handlers,
        Set<String> ignored) {

    /** A handler of one type: reads the data into {@code T} and applies it. */
    public record Handler<T>(EventType<T> type, BiFunction<ReceivedEvent, T, Uni<Void>> apply) {
        @SuppressWarnings("unchecked")
        Uni<Void> applyTo(ReceivedEvent event, Object payload) {
            return apply.apply(event, (T) payload);
        }
    }

    public static Builder of(String consumer, String source, String topic) {
        return new Builder(consumer, source, topic);
    }

    Handler<?> handler(String type) {
        return handlers.get(type);
    }

    boolean ignores(String type) {
        return ignored.contains(type);
    }

    public static final class Builder {
        private final String consumer;
        private final String source;
        private final String topic;
        private final Map<String, Handler<?>> handlers = new LinkedHashMap<>();
        private final Set<String> ignored = new TreeSet<>();

        private Builder(String consumer, String source, String topic) {
            this.consumer = consumer;
            this.source = source;
            this.topic = topic;
        }

        public <T> Builder on(EventType<T> type, Function<T, Uni<Void>> apply) {
            return onEvent(type, (event, payload) -> apply.apply(payload));
        }

        /** As {@link #on}, for a handler that also needs the envelope (the event id, its subject). */
        public <T> Builder onEvent(EventType<T> type, BiFunction<ReceivedEvent, T, Uni<Void>> apply) {
            check(type);
            handlers.put(type.name(), new Handler<>(type, apply));
            return this;
        }

        /** Types of this topic that are not this consumer's business (acknowledged without a transaction). */
        public Builder ignoring(EventType<?>... types) {
            for (EventType<?> type : types) {
                check(type);
                ignored.add(type.name());
            }
            return this;
        }

        public Subscription build() {
            List<String> unbound = EventCatalog.readOn(topic).stream().map(EventType::name)
                    .filter(name -> !handlers.containsKey(name) && !ignored.contains(name)).toList();
            if (!unbound.isEmpty()) {
                throw new IllegalStateException(consumer + ": " + unbound + " published on " + topic
                        + " have no handler; handle or ignore each");
            }
            if (handlers.isEmpty()) {
                throw new IllegalStateException(consumer + " handles no type of " + topic);
            }
            return new Subscription(consumer, source, topic, Map.copyOf(handlers), Set.copyOf(ignored));
        }

        private void check(EventType<?> type) {
            if (!type.readOn(topic)) {
                throw new IllegalStateException(consumer + ": " + type + " is published on " + type.topic()
                        + ", not on " + topic + " which it consumes");
            }
            if (handlers.containsKey(type.name()) || ignored.contains(type.name())) {
                throw new IllegalStateException(consumer + ": " + type + " is bound twice");
            }
        }
    }
}
