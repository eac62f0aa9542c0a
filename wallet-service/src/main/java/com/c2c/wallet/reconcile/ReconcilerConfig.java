package com.c2c.wallet.reconcile;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The wallet's periodic drift check (ADR 0012): how often, where the other services' reports are, and the
 * service account it reads them with (Keycloak client {@code c2c-reconciler}, realm role admin).
 */
@ConfigMapping(prefix = "c2c.reconciler")
public interface ReconcilerConfig {
    /** Off in tests (they run it by hand); on for the running platform. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("60s")
    Duration interval();

    /** How long one fetch (token or report) may take. */
    @WithDefault("10s")
    Duration timeout();

    @WithDefault("http://127.0.0.1:8081")
    String orderServiceUrl();

    @WithDefault("http://127.0.0.1:8084")
    String escrowServiceUrl();

    @WithDefault("${quarkus.oidc.auth-server-url}/protocol/openid-connect/token")
    String tokenUrl();

    @WithDefault("c2c-reconciler")
    String clientId();

    @WithDefault("reconciler-secret")
    String clientSecret();
}
