package com.c2c.events;

import java.util.Objects;

/**
 * One kind of event: its CloudEvent {@code type}, the record its data is read into, and the topic it is
 * published on. A consumer binds a handler to an {@code EventType<T>} and receives a {@code T}, so a type
 * read into the wrong class or expected on the wrong topic is a mistake the compiler or the start-up
 * check catches, not the first record that arrives.
 */
public record EventType<T>(String name, Class<T> payload, String topic) {
    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public String toString() {
        return name;
    }
}
