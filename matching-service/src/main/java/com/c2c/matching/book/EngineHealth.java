package com.c2c.matching.book;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the engine loop applies inputs (not while it rebuilds after a failure). */
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
                .withData("appliedInputs", loop.appliedInputs());
        String failure = loop.lastFailure();
        if (!loop.healthy() && failure != null) {
            response.withData("error", failure);
        }
        return response.build();
    }
}
