package com.c2c.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.testkit.HostileTokens;
import com.c2c.testkit.Keycloak;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Through the gateway, as an attacker would try it: tokens that are expired, forged, unsigned, from
 * another realm or for another audience are refused at the edge with a 401 problem, and the services
 * refuse them too when reached directly; the old identity headers change nothing.
 */
class GatewayIdentityTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String WALLET_DIRECT = "http://127.0.0.1:8083";

    @Test
    void brokenTokensAreRefusedAtTheGatewayAndAtTheService() throws Exception {
        String admin = Keycloak.person("gw-admin-" + UUID.randomUUID(), "admin").token();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("expired", Keycloak.expiredToken("gw-expired-" + UUID.randomUUID()));
        refused.put("forged", HostileTokens.forged(admin));
        refused.put("alg none", HostileTokens.unsigned(admin));
        refused.put("tampered", HostileTokens.tampered(admin, "someone-else"));
        refused.put("another realm", Keycloak.tokenOfAnotherRealm());
        refused.put("another audience", Keycloak.tokenForAnotherAudience("gw-aud-" + UUID.randomUUID()));
        for (Map.Entry<String, String> token : refused.entrySet()) {
            for (String base : new String[] {Platform.API, WALLET_DIRECT}) {
                HttpResponse<String> answer = get(base + "/api/v1/wallet/admin/totals", token.getValue(), Map.of());
                assertEquals(401, answer.statusCode(), token.getKey() + " token at " + base + ": " + answer.body());
                assertTrue(answer.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"),
                        token.getKey() + " at " + base + " answers a problem");
            }
        }
        assertEquals(200, get(Platform.API + "/api/v1/wallet/admin/totals", admin, Map.of()).statusCode());
    }

    @Test
    void theOldIdentityHeadersChangeNothing() throws Exception {
        String trader = Keycloak.person("gw-trader-" + UUID.randomUUID()).token();
        Map<String, String> headers = Map.of("X-User-Id", "admin1", "X-User-Roles", "admin");
        assertEquals(401, get(Platform.API + "/api/v1/wallet/admin/totals", null, headers).statusCode());
        assertEquals(403, get(Platform.API + "/api/v1/wallet/admin/totals", trader, headers).statusCode());
        assertEquals(403, get(WALLET_DIRECT + "/api/v1/wallet/admin/totals", trader, headers).statusCode());
        HttpResponse<String> answer = get(Platform.API + "/api/v1/wallet/balances", trader, headers);
        assertEquals(200, answer.statusCode());
        assertEquals("[]", answer.body().replace(" ", ""), "a fresh trader has no balances, whatever the headers say");
    }

    @Test
    void everyAnswerCarriesARequestId() throws Exception {
        String trader = Keycloak.person("gw-rid-" + UUID.randomUUID()).token();
        HttpResponse<String> given = get(Platform.API + "/api/v1/orders", trader, Map.of("X-Request-Id", "my-request-1"));
        assertEquals("my-request-1", given.headers().firstValue("X-Request-Id").orElse(null));
        HttpResponse<String> made = get(Platform.API + "/api/v1/orders", trader, Map.of());
        assertTrue(made.headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f-]{36}"),
                "the gateway makes one when none is sent");
    }

    private static HttpResponse<String> get(String url, String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
