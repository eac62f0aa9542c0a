package com.c2c.order.stream;

import com.c2c.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The cap on streams one owner holds open at once: each stream costs a connection and a poll every half
 * second, so a client opening them in a loop must not exhaust the service. Counted per instance (a stream
 * lives on one instance); with several instances the cap is per instance, which the ADR accepts.
 */
@ApplicationScoped
public class StreamSlots {
    /** How long a refused client should wait: a stream it lost is noticed within a heartbeat or so. */
    static final int RETRY_AFTER_SECONDS = 15;

    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final StreamConfig config;

    StreamSlots(StreamConfig config) {
        this.config = config;
    }

    /** One open stream of an owner; released once, however the stream ends. */
    public final class Slot {
        private final String owner;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String owner) {
            this.owner = owner;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(owner, (key, count) -> count <= 1 ? null : count - 1);
            }
        }
    }

    /** A slot for {@code owner}'s new stream, or 429 when the owner holds the maximum already. */
    public Slot take(String owner) {
        int max = config.maxPerOwner();
        boolean[] taken = {false};
        open.compute(owner, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        if (!taken[0]) {
            throw ProblemException.tooMany("too-many-streams", "at most " + max
                    + " streams may be open at once for one account; close one (or let it end) and retry",
                    RETRY_AFTER_SECONDS);
        }
        return new Slot(owner);
    }

    /** How many streams {@code owner} holds open here. */
    public int openFor(String owner) {
        return open.getOrDefault(owner, 0);
    }
}
