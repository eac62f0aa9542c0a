package com.c2c.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Makes the running development realm have the step-up sign-in that {@code deploy/keycloak/c2c-realm.json}
 * declares (a Keycloak started from an older realm file lacks it, and must not be restarted under other tests):
 * the flow {@value #FLOW} (username, password and OTP all REQUIRED; the password and OTP executions carry the
 * authenticator references {@code pwd} / {@code otp} that the amr mapper reports), the client
 * {@value Keycloak#STEP_UP} bound to it for direct grant, and OTP codes reusable within their step. Each part is
 * created only when missing, so running it again, or from several test JVMs, changes nothing.
 */
final class StepUpRealm {
    static final String FLOW = "direct grant with otp";
    private static final List<String[]> EXECUTIONS = List.of(
            new String[] {"direct-grant-validate-username", null},
            new String[] {"direct-grant-validate-password", "pwd"},
            new String[] {"direct-grant-validate-otp", "otp"});
    /**
     * No refresh token: a refreshed token would have a new {@code iat} and the old {@code amr}, and look like a
     * new sign-in with a code (SecondFactor uses {@code iat} since a direct grant has no {@code auth_time}).
     */
    private static final Map<String, String> NO_REFRESH = Map.of("use.refresh.tokens", "false");
    /**
     * How long after the step ran its reference still counts for the amr mapper. Keycloak drops a reference once
     * {@code authTime + maxAge < now}, an absent max age counting as 0: then a sign-in whose token is issued in a
     * later second than the code was checked (slow password hashing) has no {@code otp} in its amr. The step-up
     * client has no refresh token, so the reference appears only on the token of that sign-in.
     */
    static final String REFERENCE_MAX_AGE_SECONDS = "60";
    private static boolean ensured;

    private StepUpRealm() {
    }

    static synchronized void ensure() {
        if (ensured) {
            return;
        }
        String flowId = ensureFlow();
        ensureClient(flowId);
        // Tests sign the same person in several times a step (plain and step-up tokens); the development realm
        // file says the same. Production keeps Keycloak's default: a code works once.
        // (Keycloak changes the OTP policy only when given the whole of it.)
        Keycloak.adminCall("PUT", Keycloak.adminPath(""), Map.of("otpPolicyType", "totp",
                "otpPolicyAlgorithm", "HmacSHA1", "otpPolicyDigits", Totp.DIGITS,
                "otpPolicyPeriod", Totp.PERIOD_SECONDS, "otpPolicyLookAheadWindow", 1, "otpPolicyCodeReusable", true));
        ensured = true;
    }

    private static String ensureFlow() {
        String flows = Keycloak.adminPath("/authentication/flows");
        HttpResponse<String> created = Keycloak.send("POST", flows, Map.of("alias", FLOW, "providerId", "basic-flow",
                "topLevel", true, "builtIn", false, "description",
                "Step-up direct grant: username, password and OTP all required; amr pwd and otp"));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Keycloak refused the flow: " + created.statusCode() + " " + created.body());
        }
        String flowPath = flows + "/" + Keycloak.enc(FLOW).replace("+", "%20");
        for (String[] execution : EXECUTIONS) {
            JsonNode existing = find(flowPath, execution[0]);
            if (existing == null) {
                Keycloak.adminCall("POST", flowPath + "/executions/execution", Map.of("provider", execution[0]));
                existing = find(flowPath, execution[0]);
            }
            if (!"REQUIRED".equals(existing.path("requirement").asText())) {
                Keycloak.adminCall("PUT", flowPath + "/executions",
                        Map.of("id", existing.path("id").asText(), "requirement", "REQUIRED"));
            }
            if (execution[1] == null) {
                continue;
            }
            Map<String, String> reference = Map.of("default.reference.value", execution[1],
                    "default.reference.maxAge", REFERENCE_MAX_AGE_SECONDS);
            String configId = existing.path("authenticationConfig").asText("");
            if (configId.isEmpty()) {
                Keycloak.adminCall("POST", Keycloak.adminPath("/authentication/executions/"
                        + existing.path("id").asText() + "/config"), Map.of("alias", "amr " + execution[1],
                        "config", reference));
            } else { // Keycloak masks config values it answers with: set them rather than compare
                String configPath = Keycloak.adminPath("/authentication/config/" + configId);
                JsonNode config = Keycloak.adminCall("GET", configPath, null);
                Keycloak.adminCall("PUT", configPath, Map.of("id", configId, "alias", config.path("alias").asText(),
                        "config", reference));
            }
        }
        for (JsonNode flow : Keycloak.adminCall("GET", flows, null)) {
            if (FLOW.equals(flow.path("alias").asText())) {
                return flow.path("id").asText();
            }
        }
        throw new IllegalStateException("flow " + FLOW + " not found after creating it");
    }

    private static JsonNode find(String flowPath, String provider) {
        for (JsonNode execution : Keycloak.adminCall("GET", flowPath + "/executions", null)) {
            if (provider.equals(execution.path("providerId").asText())) {
                return execution;
            }
        }
        return null;
    }

    private static void ensureClient(String flowId) {
        Map<String, String> ownerIdConfig = Map.of("user.attribute", "owner_id", "claim.name", "owner_id",
                "jsonType.label", "String", "access.token.claim", "true", "id.token.claim", "true",
                "introspection.token.claim", "true");
        Map<String, Object> client = Map.ofEntries(Map.entry("clientId", Keycloak.STEP_UP),
                Map.entry("name", "C2C step-up sign-in (password + OTP; public)"), Map.entry("enabled", true),
                Map.entry("protocol", "openid-connect"), Map.entry("publicClient", true),
                Map.entry("standardFlowEnabled", false), Map.entry("directAccessGrantsEnabled", true),
                Map.entry("fullScopeAllowed", true),
                Map.entry("attributes", NO_REFRESH),
                Map.entry("authenticationFlowBindingOverrides", Map.of("direct_grant", flowId)),
                Map.entry("protocolMappers", List.of(
                        Keycloak.mapper("audience c2c-api", "oidc-audience-mapper", Map.of(
                                "included.custom.audience", "c2c-api", "access.token.claim", "true",
                                "introspection.token.claim", "true")),
                        Keycloak.mapper("owner id", "oidc-usermodel-attribute-mapper", ownerIdConfig),
                        Keycloak.mapper("authentication methods (amr)", "oidc-amr-mapper", Map.of(
                                "access.token.claim", "true", "id.token.claim", "true",
                                "introspection.token.claim", "true")))));
        String id = Keycloak.createOrFind(Keycloak.adminPath("/clients"), client,
                Keycloak.adminPath("/clients?clientId=" + Keycloak.STEP_UP));
        // a client found from an earlier, partial setup: bind the flow and turn refresh tokens off
        Keycloak.adminCall("PUT", Keycloak.adminPath("/clients/" + id), Map.of("attributes", NO_REFRESH,
                "authenticationFlowBindingOverrides", Map.of("direct_grant", flowId)));
    }
}
