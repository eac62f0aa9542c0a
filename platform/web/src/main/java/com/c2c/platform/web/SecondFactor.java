package com.c2c.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Whether the caller proved a second factor recently: what a sensitive act (approving a withdrawal) asks
 * beyond a valid token (ADR 0014). The token must list {@value #OTP} among its authentication methods
 * (claim {@code amr}, RFC 8176) and have been issued by a sign-in no longer ago than a maximum age: the
 * sign-in instant is {@code auth_time} when the token carries it (a browser session), else {@code iat}
 * (a direct grant, which has no {@code auth_time}; the realm's step-up client {@code c2c-stepup} issues no
 * refresh token, so its {@code iat} is always the sign-in's). Keycloak reports {@code otp} only for sign-ins
 * whose OTP step carries the authenticator reference {@code otp} (ADR 0014).
 *
 * <p>The maximum age is the caller's choice, else {@value #MAX_AGE_CONFIG} (default 5 minutes).
 */
@RequestScoped
public class SecondFactor {
    public static final String MAX_AGE_CONFIG = "c2c.identity.second-factor-max-age";
    public static final String OTP = "otp";
    public static final String PROBLEM = "second-factor-required";

    private final Caller caller;
    private final JsonWebToken token;
    private final Duration maxAge;

    SecondFactor(Caller caller, JsonWebToken token,
            @ConfigProperty(name = MAX_AGE_CONFIG, defaultValue = "5M") Duration maxAge) {
        this.caller = caller;
        this.token = token;
        this.maxAge = maxAge;
    }

    /** {@link #requireRecent(Duration)} with the configured maximum age. */
    public String requireRecent() {
        return requireRecent(maxAge);
    }

    /**
     * The caller's id (as {@link Caller#id()}: 401 without a valid token, 403 not-onboarded) when their token
     * shows an OTP sign-in within {@code maxAge}; otherwise 403 {@value #PROBLEM}.
     */
    public String requireRecent(Duration maxAge) {
        String id = caller.id();
        Optional<String> refusal = refusal(token, Instant.now(), maxAge);
        if (refusal.isPresent()) {
            throw ProblemException.forbidden(PROBLEM, "this needs a recent sign-in with a one-time code (OTP), "
                    + "within the last " + describe(maxAge) + ": " + refusal.get()
                    + "; sign in again with your second factor and repeat the request");
        }
        return id;
    }

    /** Whether the caller's token shows an OTP sign-in within {@code maxAge} (401/403 as {@link Caller#id()}). */
    public boolean isRecent(Duration maxAge) {
        caller.id();
        return refusal(token, Instant.now(), maxAge).isEmpty();
    }

    /** Why {@code token} does not show an OTP sign-in within {@code maxAge} of {@code now}; empty when it does. */
    static Optional<String> refusal(JsonWebToken token, Instant now, Duration maxAge) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("a second factor's maximum age must be positive, not " + maxAge);
        }
        if (!methods(token.getClaim("amr")).contains(OTP)) {
            return Optional.of("the token's sign-in did not use a one-time code (amr has no " + OTP + ")");
        }
        // a JsonWebToken answers 0 for an absent time claim
        Long authTime = seconds(token.getClaim("auth_time"));
        long signedIn = authTime != null && authTime > 0 ? authTime : token.getIssuedAtTime();
        if (signedIn <= 0) {
            return Optional.of("the token says not when its sign-in happened");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(signedIn), now);
        if (age.compareTo(maxAge) > 0) {
            return Optional.of("the one-time code was given " + describe(age) + " ago");
        }
        return Optional.empty();
    }

    /** The {@code amr} values: Quarkus hands a JSON array over as jakarta.json values. */
    private static List<String> methods(Object claim) {
        List<String> methods = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                methods.add(value instanceof JsonString text ? text.getString() : String.valueOf(value));
            }
        }
        return methods;
    }

    private static Long seconds(Object claim) {
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        if (claim instanceof Number number) {
            return number.longValue();
        }
        return null;
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
