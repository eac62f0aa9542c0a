package com.c2c.platform.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the bearer token Quarkus OIDC has already verified (signature from the realm's
 * keys, issuer, expiry, audience {@code c2c-api}): the single seam for identity in every service.
 *
 * <p>The platform's user id is the token's {@value #OWNER_CLAIM} claim, not its {@code sub}: a merchant's
 * people and each of its maker clients (service accounts, each with its own {@code sub}) act for one owner,
 * and the claim stays the same across token refreshes. Keycloak puts it on every token: for people from the
 * admin-only user attribute set when the account is onboarded, for maker clients as a claim fixed on the
 * client (ADR 0007). Headers such as {@code X-User-Id} mean nothing here.
 */
@RequestScoped
public class Caller {
    public static final String OWNER_CLAIM = "owner_id";
    public static final String TRADER = "trader";
    public static final String MERCHANT = "merchant";
    public static final String ARBITER = "arbiter";
    public static final String ADMIN = "admin";
    private static final Pattern OWNER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /**
     * The caller's owner id: 401 without a valid token, 403 when the token carries no usable owner id
     * (an account not onboarded to the platform, or a client not bound to a merchant).
     */
    public String id() {
        if (identity.isAnonymous()) {
            throw unauthenticated();
        }
        Object claim = token.getClaim(OWNER_CLAIM);
        String owner = claim == null ? null : claim.toString();
        if (owner == null || !OWNER_ID.matcher(owner).matches()) {
            throw new ProblemException(403, "not-onboarded", "Forbidden",
                    "the token carries no platform account (claim " + OWNER_CLAIM + ")", List.of());
        }
        return owner;
    }

    /** Whether the (authenticated) caller holds the realm role {@code role}. */
    public boolean hasRole(String role) {
        id();
        return identity.hasRole(role);
    }

    /** The caller's id, if they hold {@code role}: 401 without a valid token, 403 when the role is missing. */
    public String requireRole(String role) {
        String id = id();
        if (!identity.hasRole(role)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "this needs the " + role + " role", List.of());
        }
        return id;
    }

    /**
     * When the caller's token expires ({@code exp}): what a long-lived answer (a stream) must not outlive,
     * since the token is checked only when the request starts.
     */
    public Instant tokenExpiresAt() {
        id();
        long exp = token.getExpirationTime();
        if (exp <= 0) {
            throw unauthenticated(); // a verified access token always has exp
        }
        return Instant.ofEpochSecond(exp);
    }

    static ProblemException unauthenticated() {
        return new ProblemException(401, "unauthenticated", "Authentication required",
                "a valid bearer token is required", List.of());
    }
}
