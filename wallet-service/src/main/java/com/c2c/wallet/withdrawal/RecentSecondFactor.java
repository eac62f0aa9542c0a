package com.c2c.wallet.withdrawal;

import com.c2c.platform.web.ProblemException;
import com.c2c.wallet.withdrawal.config.WithdrawalConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Whether the caller's token shows a recent second factor (ADR 0014): its {@code amr} claim contains
 * {@code otp}, and the sign-in ({@code auth_time}, or {@code iat} when absent, as for the direct grant) was at
 * most {@code c2c.wallet.withdrawal.second-factor-max-age} ago. Quarkus OIDC has already verified the token.
 */
@RequestScoped
public class RecentSecondFactor {
    static final String OTP = "otp";
    private final JsonWebToken token;
    private final Duration maxAge;
    private final Clock clock;

    @Inject
    RecentSecondFactor(JsonWebToken token, WithdrawalConfig config) {
        this(token, config.secondFactorMaxAge(), Clock.systemUTC());
    }

    RecentSecondFactor(JsonWebToken token, Duration maxAge, Clock clock) {
        this.token = token;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Refuses (403 {@code second-factor-required}) a caller without a recent second factor. */
    public void require(String forWhat) {
        if (!methods().contains(OTP)) {
            throw refused(forWhat + " needs a sign-in with a one-time code (the token's amr has no otp)");
        }
        Instant signedIn = signedInAt();
        if (signedIn == null || signedIn.plus(maxAge).isBefore(clock.instant())) {
            throw refused(forWhat + " needs a sign-in with a one-time code within the last " + maxAge.toSeconds()
                    + " s; sign in again");
        }
    }

    private List<String> methods() {
        Object amr = token.getClaim("amr");
        if (!(amr instanceof Collection<?> values)) {
            return List.of();
        }
        return values.stream().map(v -> v instanceof JsonString s ? s.getString() : String.valueOf(v)).toList();
    }

    private Instant signedInAt() {
        Long authTime = seconds(token.getClaim("auth_time"));
        Long issued = authTime != null ? authTime : seconds(token.getClaim("iat"));
        return issued == null || issued <= 0 ? null : Instant.ofEpochSecond(issued);
    }

    private static Long seconds(Object claim) {
        if (claim instanceof JsonNumber n) {
            return n.longValue();
        }
        if (claim instanceof Number n) {
            return n.longValue();
        }
        return null;
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(403, "second-factor-required", "A recent second factor is required", detail,
                List.of());
    }
}
