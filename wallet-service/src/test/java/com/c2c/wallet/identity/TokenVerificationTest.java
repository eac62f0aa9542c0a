package com.c2c.wallet.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.testkit.As;
import com.c2c.testkit.HostileTokens;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.Keycloak;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The service verifies every bearer token itself, even behind the gateway: a token that is forged,
 * unsigned, tampered with, expired, from another realm or for another audience is refused with a 401
 * problem, and the caller headers of the old seam change nothing. Checked on the wallet, where a false
 * identity would move money.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(KafkaResource.class)
class TokenVerificationTest {
    private static final String CREDITS = "/api/v1/wallet/admin/credits";

    @Test
    void aValidTokenIsAccepted() {
        As.user("alice-" + UUID.randomUUID()).when().get("/api/v1/wallet/balances").then().statusCode(200);
    }

    @Test
    void brokenTokensAreRefusedWithAProblem() {
        String admin = Keycloak.person("admin-1", "admin").token();
        // The genuine token first, twice, so it is remembered as verified (ADR 0022): its altered copies must still fail.
        double cached = tokens("cached");
        for (int call = 0; call < 2; call++) {
            given().header("Authorization", "Bearer " + admin).when().get("/api/v1/wallet/admin/totals")
                    .then().statusCode(200);
        }
        assertTrue(tokens("cached") > cached, "the genuine token is remembered");
        Map<String, String> refused = Map.of(
                "forged (a key the realm never had)", HostileTokens.forged(admin),
                "alg none", HostileTokens.unsigned(admin),
                "tampered owner id", HostileTokens.tampered(admin, "someone-else"),
                "expired", Keycloak.expiredToken("expiring-" + UUID.randomUUID()),
                "another realm (issuer)", Keycloak.tokenOfAnotherRealm(),
                "another audience", Keycloak.tokenForAnotherAudience("aud-" + UUID.randomUUID()),
                "not a JWT at all", "not-a-token");
        refused.forEach((what, token) -> given().header("Authorization", "Bearer " + token)
                .when().get("/api/v1/wallet/admin/totals")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)));
    }

    @Test
    void aTokenIsVerifiedOnceAndRememberedUntilItExpires() {
        Keycloak.ShortLivedToken token = Keycloak.shortLivedToken("brief-" + UUID.randomUUID(), 4);
        double checked = tokens("checked");
        double cached = tokens("cached");
        for (int call = 0; call < 3; call++) {
            given().header("Authorization", "Bearer " + token.value()).when().get("/api/v1/wallet/balances")
                    .then().statusCode(200);
        }
        assertTrue(tokens("checked") - checked >= 1, "the first call verified the token");
        assertTrue(tokens("cached") - cached >= 2, "the next two were answered from the first verification");
        // Remembered or not, a token is refused once its exp has passed.
        token.awaitExpiry();
        given().header("Authorization", "Bearer " + token.value()).when().get("/api/v1/wallet/balances")
                .then().statusCode(401).contentType("application/problem+json");
    }

    /** The service's count of bearer tokens accepted, by how (c2c.auth.tokens, from its Prometheus endpoint). */
    private static double tokens(String verification) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?m)^c2c_auth_tokens_total\\{[^}]*verification=\"" + verification + "\"[^}]*} ([0-9.eE+]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void theOldCallerHeadersChangeNothing() {
        String owner = "header-" + UUID.randomUUID();
        String body = "{\"ownerId\":\"" + owner + "\",\"asset\":\"USDT\",\"amount\":\"1000000\",\"reference\":\"r-" + owner + "\"}";
        // No token: the headers alone name nobody.
        given().contentType(ContentType.JSON).header("X-User-Id", "admin1").header("X-User-Roles", "admin")
                .body(body).when().post(CREDITS).then().statusCode(401);
        // A trader's token plus headers claiming admin: still the trader.
        As.user("alice-" + UUID.randomUUID()).contentType(ContentType.JSON)
                .header("X-User-Id", "admin1").header("X-User-Roles", "admin")
                .body(body).when().post(CREDITS).then().statusCode(403)
                .body("type", equalTo("https://c2c.dev/problems/forbidden"));
        // The headers do not make one user another either.
        As.user(owner).header("X-User-Id", "admin1").when().get("/api/v1/wallet/ledger")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(0));
        org.junit.jupiter.api.Assertions.assertEquals(0L, TestDatabase.queryLong(
                "select count(*) from funding_credit where owner_id = '" + owner + "'"));
    }

    @Test
    void aTokenWithoutAPlatformAccountIsForbidden() {
        // A real token of the realm for a client whose tokens carry no owner_id claim.
        given().header("Authorization", "Bearer " + Keycloak.tokenWithoutOwner()).when().get("/api/v1/wallet/balances")
                .then().statusCode(403).body("type", equalTo("https://c2c.dev/problems/not-onboarded"));
    }
}
