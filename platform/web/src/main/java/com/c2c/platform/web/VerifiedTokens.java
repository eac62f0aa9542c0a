package com.c2c.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Verifies a bearer token once, not on every call: the first request with a token goes through Quarkus OIDC's own
 * verification (signature against the realm's keys, issuer, audience, expiry), and the identity it produced is
 * reused for the same token, byte for byte, and the same OIDC tenant, until the token's {@code exp} or
 * {@code c2c.auth.verified-tokens.max-age} after the check, whichever is first (ADR 0022). A client calls several
 * times with one token (a buyer places an order and marks it paid; an app polls its trades), and each check costs
 * about a millisecond of CPU here: an RSA signature and the claims parsed again.
 *
 * <p>What is not cached: a token that failed (it is checked again each time, as before), an opaque token, and a
 * request whose verification depends on more than the token (an endpoint's step-up policy, a DPoP proof; with
 * {@code quarkus.oidc.token.age}, certificate binding or another scheme configured the cache stays off). A tampered
 * or re-signed token differs from the cached one and is verified in full. What the cache changes: a signing key
 * withdrawn from the realm stops a token it signed only when that token's entry ends (at most the max age, 5 minutes
 * by default, the realm's access-token lifespan). {@code c2c.auth.verified-tokens.max-entries=0} turns it off.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {
    private static final Logger LOG = Logger.getLogger(VerifiedTokens.class);
    /** Where OIDC finds an endpoint's step-up policy (@AuthenticationContext): checked per request, so not cached. */
    private static final String STEP_UP = "io.quarkus.oidc.runtime.step-up-auth";
    private static final String ROUTING = RoutingContext.class.getName();
    private final OidcIdentityProvider oidc;
    private final VerifiedTokenCache<SecurityIdentity> cache;
    private final Counter cached;
    private final Counter checked;

    VerifiedTokens(OidcIdentityProvider oidc, MeterRegistry registry,
            @ConfigProperty(name = "c2c.auth.verified-tokens.max-entries", defaultValue = "10000") int maxEntries,
            @ConfigProperty(name = "c2c.auth.verified-tokens.max-age", defaultValue = "PT5M") Duration maxAge) {
        this.oidc = oidc;
        String perRequestCheck = perRequestCheck();
        if (perRequestCheck != null && maxEntries > 0) {
            LOG.warnf("verified tokens are not remembered: %s is configured, a check OIDC makes per request", perRequestCheck);
        }
        this.cache = new VerifiedTokenCache<>(perRequestCheck == null ? maxEntries : 0, maxAge.toMillis());
        this.cached = Counter.builder("c2c.auth.tokens").tag("verification", "cached")
                .description("bearer tokens accepted on an earlier verification of the same token").register(registry);
        this.checked = Counter.builder("c2c.auth.tokens").tag("verification", "checked")
                .description("bearer tokens handed to Quarkus OIDC to verify (accepted or refused)")
                .register(registry);
    }

    /**
     * The OIDC setting, if any, under which a token's verification depends on more than the token: its age, a
     * client certificate or DPoP proof bound to it. None is used here; if one ever is, the cache stays off rather
     * than skip that check.
     */
    private static String perRequestCheck() {
        Config config = ConfigProvider.getConfig();
        if (config.getOptionalValue("quarkus.oidc.token.age", String.class).isPresent()) {
            return "quarkus.oidc.token.age";
        }
        if (config.getOptionalValue("quarkus.oidc.token.binding.certificate", Boolean.class).orElse(false)) {
            return "quarkus.oidc.token.binding.certificate";
        }
        String scheme = config.getOptionalValue("quarkus.oidc.token.authorization-scheme", String.class).orElse("Bearer");
        return "Bearer".equalsIgnoreCase(scheme) ? null : "quarkus.oidc.token.authorization-scheme=" + scheme;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Asked before Quarkus OIDC's own provider (which has the default priority, 1001; higher goes first), which this
     * one calls itself for a token it has not seen.
     */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!cache.enabled() || routing == null || !(request.getToken() instanceof AccessTokenCredential bearer)
                || bearer.isOpaque() || routing.get(STEP_UP) != null || routing.get(OidcUtils.DPOP_PROOF_JWT_HEADERS) != null) {
            return Uni.createFrom().nullItem(); // OIDC's provider, next in line, handles it as before
        }
        // The tenant the request was resolved to is part of the key: one token is one tenant's answer.
        String key = routing.get(OidcUtils.TENANT_ID_ATTRIBUTE) + "\u0000" + bearer.getToken();
        SecurityIdentity known = cache.get(key, System.currentTimeMillis());
        if (known != null) {
            cached.increment();
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known).addAttribute(ROUTING, routing).build());
        }
        checked.increment();
        return oidc.authenticate(request, context).invoke(identity -> remember(key, identity));
    }

    private void remember(String key, SecurityIdentity identity) {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            // Not the request OIDC put on it: an entry must not keep a finished request (and its connection) alive.
            SecurityIdentity kept = QuarkusSecurityIdentity.builder(identity).addAttribute(ROUTING, null).build();
            cache.put(key, kept, jwt.getExpirationTime() * 1000L, System.currentTimeMillis());
        }
    }
}
