package com.c2c.platform.messaging.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the event consumers: DOWN while any of them is held on a record, either waiting out an
 * outage (it retries without limit) or stalled on an unexpected failure (a bug or a violated constraint; it
 * keeps the record, since per-key order matters more than progress, and retries slowly). The answer names
 * the consumer, since when, and the event, never an exception's text. Each condition is also a gauge
 * ({@code c2c.messaging.consumer.waiting} and {@code c2c.messaging.consumer.stalled}, 1 while it lasts) for
 * alerting.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {
    enum State { WAITING, STALLED }

    record Hold(State state, Instant since, String eventId, String eventType) {
    }

    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    ConsumerHealth(MeterRegistry meters) {
        this.meters = meters;
    }

    void watch(String consumer) {
        Gauge.builder("c2c.messaging.consumer.waiting", holds, h -> is(h.get(consumer), State.WAITING))
                .tag("consumer", consumer).description("1 while the consumer retries a record through an outage")
                .register(meters);
        Gauge.builder("c2c.messaging.consumer.stalled", holds, h -> is(h.get(consumer), State.STALLED))
                .tag("consumer", consumer)
                .description("1 while the consumer is held on a record by an unexpected failure (alert)")
                .register(meters);
    }

    /** Marks the consumer held; keeps the first time it was held in this state. */
    void hold(String consumer, State state, String eventId, String eventType) {
        holds.compute(consumer, (c, old) -> old != null && old.state() == state && eventId.equals(old.eventId())
                ? old : new Hold(state, Instant.now(), eventId, eventType));
    }

    void release(String consumer) {
        holds.remove(consumer);
    }

    /** The consumer's hold, if any (for tests and the dead-letter report). */
    Hold holdOf(String consumer) {
        return holds.get(consumer);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("event consumers").status(holds.isEmpty());
        holds.forEach((consumer, hold) -> answer.withData(consumer, switch (hold.state()) {
            case WAITING -> "retrying event " + hold.eventId() + " (" + hold.eventType() + ") since " + hold.since()
                    + ": a server it depends on is unavailable";
            case STALLED -> "stalled on event " + hold.eventId() + " (" + hold.eventType() + ") since " + hold.since()
                    + ": an unexpected failure, see the service log; nothing after it is applied";
        }));
        return answer.build();
    }

    private static double is(Hold hold, State state) {
        return hold != null && hold.state() == state ? 1 : 0;
    }
}
