package com.c2c.matching.book;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while this instance leads and the engine applies inputs: not while it rebuilds after a failure,
 * and not on a standby (ADR 0017), whose books are empty; its answer says {@code "role": "STANDBY"}, which
 * services.sh waits for instead of UP, and the gateway sends calls only to the instance that is ready.
 */
@Readiness
@ApplicationScoped
public class EngineHealth implements HealthCheck {
    private final EngineLoop loop;

    EngineHealth(EngineLoop loop) {
        this.loop = loop;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("matching engine").status(loop.healthy())
                .withData("role", loop.role().name())
                .withData("appliedInputs", loop.appliedInputs());
        String failure = loop.lastFailure();
        if (!loop.healthy() && failure != null) {
            response.withData("error", failure);
        }
        return response.build();
    }
}
