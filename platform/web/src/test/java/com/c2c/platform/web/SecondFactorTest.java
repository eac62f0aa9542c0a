package com.c2c.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.testkit.Keycloak;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * The second-factor check on real tokens of the development realm: a plain sign-in (password, and for a
 * person with OTP the built-in direct grant's code) does not count, a step-up sign-in through c2c-stepup does
 * until its maximum age passes. The claims are read as Quarkus hands them to a service (its JsonWebToken is a
 * DefaultJWTCallerPrincipal); verifying the signature is Quarkus OIDC's job in the services.
 */
class SecondFactorTest {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final String OWNER = "second-factor-" + System.nanoTime();

    @Test
    void aPlainTokenIsRefused() {
        JsonWebToken plain = claims(Keycloak.person(OWNER, "admin").token());
        assertEquals(List.of(), amr(plain).stream().filter("otp"::equals).toList());
        assertTrue(SecondFactor.refusal(plain, Instant.now(), FIVE_MINUTES).orElseThrow().contains("amr has no otp"));

        // a person who has OTP and gave a code to the frontend client: still no otp reported (no reference)
        JsonWebToken frontend = claims(Keycloak.personWithOtp(OWNER, "admin").token());
        assertFalse(amr(frontend).contains("otp"), "amr " + amr(frontend));
        assertTrue(SecondFactor.refusal(frontend, Instant.now(), FIVE_MINUTES).isPresent());
    }

    @Test
    void aStepUpTokenIsAcceptedAndCarriesWhatThePlainTokenCarries() {
        Keycloak.Identity admin = Keycloak.personWithOtp(OWNER, "admin");
        JsonWebToken plain = claims(admin.token());
        JsonWebToken stepUp = claims(admin.stepUpToken());

        assertEquals(List.of("pwd", "otp"), amr(stepUp));
        assertEquals(SecondFactor.refusal(stepUp, Instant.now(), FIVE_MINUTES), java.util.Optional.empty());
        // the same identity as the normal client's tokens: audience, owner id, realm roles
        assertTrue(stepUp.getAudience().contains("c2c-api"), "aud " + stepUp.getAudience());
        assertEquals(OWNER, stepUp.getClaim(Caller.OWNER_CLAIM).toString().replace("\"", ""));
        assertEquals(plain.getClaim(Caller.OWNER_CLAIM).toString(), stepUp.getClaim(Caller.OWNER_CLAIM).toString());
        assertEquals(roles(plain), roles(stepUp));
        assertTrue(roles(stepUp).contains("admin"), "roles " + roles(stepUp));
        assertEquals(plain.getIssuer(), stepUp.getIssuer());
        assertFalse(stepUp.getClaimNames().contains("auth_time"), "a direct grant has no auth_time: iat is the sign-in");
    }

    @Test
    void aStepUpTokenOlderThanTheMaximumAgeIsRefused() {
        JsonWebToken stepUp = claims(Keycloak.personWithOtp(OWNER, "admin").stepUpToken());
        Duration maxAge = Duration.ofSeconds(2);
        Instant signedIn = Instant.ofEpochSecond(stepUp.getIssuedAtTime());
        Instant deadline = Instant.now().plusSeconds(10);
        // the token is old enough at a known instant: wait for that, bounded
        while (!Instant.now().isAfter(signedIn.plus(maxAge).plusSeconds(1))) {
            assertTrue(Instant.now().isBefore(deadline), "the clock did not pass iat + max age");
            pause();
        }
        String refusal = SecondFactor.refusal(stepUp, Instant.now(), maxAge).orElseThrow();
        assertTrue(refusal.contains("ago"), refusal);
        assertTrue(SecondFactor.refusal(stepUp, Instant.now(), FIVE_MINUTES).isEmpty());
    }

    @Test
    void theBeanAnswersTheCallerOrA403Problem() {
        Keycloak.Identity admin = Keycloak.personWithOtp(OWNER, "admin");
        assertEquals(OWNER, bean(admin.stepUpToken()).requireRecent());
        assertEquals(OWNER, bean(admin.stepUpToken()).requireRecent(Duration.ofSeconds(30)));

        ProblemException refused = assertThrows(ProblemException.class, () -> bean(admin.token()).requireRecent());
        Problem problem = refused.toProblem("/api/v1/withdrawals/1/approvals");
        assertEquals(403, problem.status());
        assertEquals("https://c2c.dev/problems/second-factor-required", problem.type().toString());
        assertTrue(problem.detail().contains("one-time code") && problem.detail().contains("5 min"), problem.detail());
        assertFalse(bean(admin.token()).isRecent(FIVE_MINUTES));
        assertThrows(IllegalArgumentException.class, () -> bean(admin.stepUpToken()).requireRecent(Duration.ZERO));
    }

    /** The bean as a request would get it: the configured default of 5 minutes. */
    private static SecondFactor bean(String token) {
        JsonWebToken jwt = claims(token);
        SecurityIdentity identity = QuarkusSecurityIdentity.builder().setPrincipal(jwt).build();
        return new SecondFactor(new Caller(identity, jwt), jwt, FIVE_MINUTES);
    }

    private static JsonWebToken claims(String token) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            return new DefaultJWTCallerPrincipal(token, "JWT", JwtClaims.parse(payload));
        } catch (Exception e) {
            throw new IllegalStateException("not a JWT: " + token, e);
        }
    }

    private static List<String> amr(JsonWebToken token) {
        Object claim = token.getClaim("amr");
        if (claim == null) {
            return List.of();
        }
        return ((List<?>) claim).stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString()).toList();
    }

    private static Set<String> roles(JsonWebToken token) {
        jakarta.json.JsonObject realmAccess = token.getClaim("realm_access");
        return new TreeSet<>(realmAccess.getJsonArray("roles").getValuesAs(JsonString::getString));
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
