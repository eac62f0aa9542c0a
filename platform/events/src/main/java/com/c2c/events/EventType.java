package com.c2c.events;

import java.util.Objects;

/**
 * One kind of event: its CloudEvent {@code type}, the record its data is read into, and the topic it is
 * published on. A consumer binds a handler to an {@code EventType<T>} and receives a {@code T}, so a type
 * read into the wrong class or expected on the wrong topic is a mistake the compiler or the start-up
 * check catches, not the first record that arrives.
 *
 * @param formerTopic the topic the type was published on before it moved to {@code topic}, or null: records
 *                    published there before the move are still on it, so its consumers still bind the type
 *                    (apply it or ignore it) until the topic's retention has dropped them
 */
public record EventType<T>(String name, Class<T> payload, String topic, String formerTopic) {
    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(topic, "topic");
        if (topic.equals(formerTopic)) {
            throw new IllegalArgumentException(name + " cannot have moved from " + topic + " to itself");
        }
    }

    public EventType(String name, Class<T> payload, String topic) {
        this(name, payload, topic, null);
    }

    /** Whether records of this type may be found on {@code topic}: it is published there, or was. */
    public boolean readOn(String topic) {
        return this.topic.equals(topic) || topic.equals(formerTopic);
    }

    @Override
    public String toString() {
        return name;
    }
}
