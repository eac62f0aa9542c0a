package com.c2c.platform.messaging.consumer;

/**
 * A record that can never be applied, whatever is retried: its envelope or data cannot be read, its type
 * or version is unknown to this consumer, or its content is invalid. The consumer dead-letters it at once
 * with this message as the reason and moves on. A handler throws it for content it finds invalid; it is
 * never the answer to a failure that might pass (an outage) or to a bug (those keep the record).
 */
public class PoisonEvent extends RuntimeException {
    /** The kind of poison, the {@code reason} tag of the dead-letter metric: unreadable, unknown-type, invalid. */
    private final String kind;

    private PoisonEvent(String kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    public static PoisonEvent unreadable(String message, Throwable cause) {
        return new PoisonEvent("unreadable", message, cause);
    }

    public static PoisonEvent unknownType(String message) {
        return new PoisonEvent("unknown-type", message, null);
    }

    /** Content that parses but that this consumer can never apply (e.g. a field out of its domain). */
    public static PoisonEvent invalid(String message) {
        return new PoisonEvent("invalid", message, null);
    }

    public String kind() {
        return kind;
    }
}
