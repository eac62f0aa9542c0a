package com.c2c.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once, not on every call: the first request with a token goes through Quarkus OIDC's own
 * verification (signature against the realm's keys, issuer, audience, expiry), and the identity it produced is
 * reused for the same token, byte for byte, until the token's {@code exp} or {@code c2c.auth.verified-tokens.max-age}
 * after the check, whichever is first (ADR 0022). A client calls several times with one token (a buyer places an
 * order and marks it paid; an app polls its trades), and each check costs about a millisecond of CPU: an RSA
 * signature and the claims parsed again.
 *
 * <p>What is not cached: a token that failed (it is checked again each time, as before), a token seen for the first
 * time, and anything but a bearer access token. A tampered or re-signed token differs from the cached one and is
 * verified in full. What the cache changes: a signing key withdrawn from the realm stops a token it signed only when
 * that token's entry ends (at most the max age, 5 minutes by default, the realm's access token lifespan) — the same
 * as before for a service that had already fetched the keys, since OIDC refreshes them only for an unknown key id.
 * {@code c2c.auth.verified-tokens.max-entries=0} turns it off.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {
    private final OidcIdentityProvider oidc;
    private final VerifiedTokenCache<SecurityIdentity> cache;
    private final Counter cached;
    private final Counter checked;

    VerifiedTokens(OidcIdentityProvider oidc, MeterRegistry registry,
            @ConfigProperty(name = "c2c.auth.verified-tokens.max-entries", defaultValue = "10000") int maxEntries,
            @ConfigProperty(name = "c2c.auth.verified-tokens.max-age", defaultValue = "PT5M") Duration maxAge) {
        this.oidc = oidc;
        this.cache = new VerifiedTokenCache<>(maxEntries, maxAge.toMillis());
        this.cached = Counter.builder("c2c.auth.tokens").tag("verification", "cached")
                .description("bearer tokens accepted from an earlier verification of the same token").register(registry);
        this.checked = Counter.builder("c2c.auth.tokens").tag("verification", "checked")
                .description("bearer tokens verified by Quarkus OIDC (signature, issuer, audience, expiry)")
                .register(registry);
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
        if (!cache.enabled() || !(request.getToken() instanceof AccessTokenCredential bearer) || bearer.isOpaque()) {
            return Uni.createFrom().nullItem(); // OIDC's provider, next in line, handles it as before
        }
        String token = bearer.getToken();
        SecurityIdentity known = cache.get(token, System.currentTimeMillis());
        if (known != null) {
            cached.increment();
            return Uni.createFrom().item(forThisRequest(known, request));
        }
        checked.increment();
        return oidc.authenticate(request, context).invoke(identity -> remember(token, identity));
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            cache.put(token, identity, jwt.getExpirationTime() * 1000L, System.currentTimeMillis());
        }
    }

    /** The remembered identity, carrying this request's routing context (OIDC puts the request's on it). */
    private static SecurityIdentity forThisRequest(SecurityIdentity known, TokenAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null) {
            return known;
        }
        return QuarkusSecurityIdentity.builder(known).addAttribute(RoutingContext.class.getName(), routing).build();
    }
}
