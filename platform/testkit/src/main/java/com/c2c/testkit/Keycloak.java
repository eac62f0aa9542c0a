package com.c2c.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The development realm as tests and tools use it: people and maker clients are created through
 * Keycloak's admin API when first asked for, and real access tokens are obtained for them (password
 * grant for people — enabled only in the development realm —, client credentials for maker clients).
 * Nothing is faked: the services verify these tokens exactly as they verify a frontend's.
 *
 * <p>A person is named by the platform owner id their tokens carry (claim {@code owner_id}) and their
 * realm roles; asking twice for the same pair gives the same account and a cached token, refreshed
 * before it expires.
 */
public final class Keycloak {
    public static final String URL = System.getenv().getOrDefault("C2C_KEYCLOAK_URL", "http://127.0.0.1:8180");
    public static final String REALM = "c2c";
    public static final String ISSUER = URL + "/realms/" + REALM;
    private static final String FRONTEND = "c2c-frontend";
    /** The development realm's step-up client: direct grant with password and OTP, tokens with amr. */
    public static final String STEP_UP = "c2c-stepup";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration EARLY_REFRESH = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Identity> IDENTITIES = new ConcurrentHashMap<>();
    private static Token admin;

    private Keycloak() {
    }

    /** Someone whose tokens the tests present. */
    public static final class Identity {
        private final String ownerId;
        private final Map<String, String> grant;
        private final Totp totp;
        private Token token;

        private Identity(String ownerId, Map<String, String> grant) {
            this(ownerId, grant, null);
        }

        private Identity(String ownerId, Map<String, String> grant, Totp totp) {
            this.ownerId = ownerId;
            this.grant = grant;
            this.totp = totp;
        }

        public String ownerId() {
            return ownerId;
        }

        /** A valid access token (at least a minute left). For a person with OTP, signed in with a code too. */
        public synchronized String token() {
            if (token == null || token.expiresSoon()) {
                token = Token.of(signIn(grant));
            }
            return token.value();
        }

        /** The {@code Authorization} header value. */
        public String bearer() {
            return "Bearer " + token();
        }

        /**
         * A fresh access token from a sign-in with password and the current OTP code through the step-up
         * client ({@value #STEP_UP}): it carries {@code amr: ["pwd","otp"]} and {@code iat} now, what a
         * recent second factor means (ADR 0014). Only for a {@link #personWithOtp person with OTP}.
         */
        public String stepUpToken() {
            if (totp == null) {
                throw new IllegalStateException(ownerId + " has no OTP credential: use Keycloak.personWithOtp");
            }
            Map<String, String> stepUp = new HashMap<>(grant);
            stepUp.put("client_id", STEP_UP);
            return Token.of(signIn(stepUp)).value();
        }

        /** The {@code Authorization} header value with a {@link #stepUpToken() step-up token}. */
        public String stepUpBearer() {
            return "Bearer " + stepUpToken();
        }

        /** The person's authenticator (its secret and current codes), or null for an identity without OTP. */
        public Totp otp() {
            return totp;
        }

        /**
         * Password grant, with the current TOTP code for a person with OTP (form field {@code totp}: the step-up
         * flow requires it, and the realm's built-in direct grant asks it of every user who has OTP configured).
         * A realm that refuses a code seen before ({@code otpPolicyCodeReusable=false}) refuses the second
         * sign-in within one 30-second step: then the next step's code is used, once.
         */
        private JsonNode signIn(Map<String, String> fields) {
            if (totp == null) {
                return post(ISSUER + "/protocol/openid-connect/token", form(fields), null);
            }
            Map<String, String> withCode = new HashMap<>(fields);
            Instant at = Instant.now();
            withCode.put("totp", totp.codeAt(at));
            HttpResponse<String> answer = postForm(ISSUER + "/protocol/openid-connect/token", form(withCode));
            if (answer.statusCode() == 200) {
                return parse(answer.body());
            }
            // a refused code is "invalid_grant" (400), like a wrong password
            if (answer.statusCode() != 400 && answer.statusCode() != 401) {
                throw new IllegalStateException("Keycloak token endpoint answered " + answer.statusCode() + " "
                        + answer.body());
            }
            Instant next = Totp.nextStep(at);
            while (Instant.now().isBefore(next)) { // the next step begins at a known instant: not a guess
                pause(Duration.ofMillis(250));
            }
            withCode.put("totp", totp.codeAt(next));
            return post(ISSUER + "/protocol/openid-connect/token", form(withCode), null);
        }
    }

    /** A person with the owner id and realm roles (none: a plain trader), created on first use. */
    public static Identity person(String ownerId, String... roles) {
        TreeSet<String> roleSet = new TreeSet<>(List.of(roles));
        if (roleSet.isEmpty()) {
            roleSet.add("trader");
        }
        String username = username(ownerId, roleSet);
        return IDENTITIES.computeIfAbsent("person:" + username, k -> createPerson(username, ownerId, roleSet));
    }

    /**
     * A person with the owner id and realm roles (none: a plain trader) who also has an OTP (TOTP) credential
     * with a secret made for this run; besides the plain {@link Identity#token()}, {@link Identity#stepUpToken()}
     * signs in with password and the current code. The account is its own (not the {@link #person} with the same
     * owner and roles), made afresh on first use in this run.
     */
    public static Identity personWithOtp(String ownerId, String... roles) {
        TreeSet<String> roleSet = new TreeSet<>(List.of(roles));
        if (roleSet.isEmpty()) {
            roleSet.add("trader");
        }
        String username = username(ownerId, roleSet) + ".otp";
        return IDENTITIES.computeIfAbsent("person:" + username, k -> createPersonWithOtp(username, ownerId, roleSet));
    }

    /** A maker client (client credentials, role merchant) acting for {@code ownerId}, created on first use. */
    public static Identity makerClient(String ownerId) {
        String clientId = "maker-" + username(ownerId, new TreeSet<>(List.of("merchant")));
        return IDENTITIES.computeIfAbsent("client:" + clientId, k -> createMakerClient(clientId, ownerId));
    }

    /**
     * A real token of the realm for this person from a client that does not grant the API audience
     * ({@code admin-cli}): right signature and issuer, wrong audience.
     */
    public static String tokenForAnotherAudience(String ownerId) {
        Identity person = person(ownerId);
        Map<String, String> grant = new java.util.HashMap<>(person.grant);
        grant.put("client_id", "admin-cli");
        return Token.of(post(ISSUER + "/protocol/openid-connect/token", form(grant), null)).value();
    }

    /** A real token of the realm for this person that has expired (a client whose tokens live one second). */
    public static String expiredToken(String ownerId) {
        ShortLivedToken token = shortLivedToken(ownerId, 1);
        token.awaitExpiry();
        return token.value();
    }

    /** A real token of the realm for the API, for this person, that expires {@code seconds} after it is issued. */
    public static ShortLivedToken shortLivedToken(String ownerId, int seconds) {
        Identity person = person(ownerId);
        String clientId = seconds == 1 ? "c2c-test-short-lived" : "c2c-test-lifespan-" + seconds;
        createOrFind(adminPath("/clients"), Map.of("clientId", clientId, "enabled", true, "publicClient", true,
                "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                "attributes", Map.of("access.token.lifespan", String.valueOf(seconds)),
                "protocolMappers", List.of(
                        mapper("audience c2c-api", "oidc-audience-mapper",
                                Map.of("included.custom.audience", "c2c-api", "access.token.claim", "true")),
                        mapper("owner id", "oidc-usermodel-attribute-mapper", Map.of("user.attribute", "owner_id",
                                "claim.name", "owner_id", "jsonType.label", "String", "access.token.claim", "true")))),
                adminPath("/clients?clientId=" + clientId));
        Map<String, String> grant = new java.util.HashMap<>(person.grant);
        grant.put("client_id", clientId);
        JsonNode answer = post(ISSUER + "/protocol/openid-connect/token", form(grant), null);
        return new ShortLivedToken(answer.path("access_token").asText(),
                Instant.now().getEpochSecond() + answer.path("expires_in").asLong());
    }

    /** A token and the second by which it has expired (its {@code exp} is no later: it was issued before we asked). */
    public record ShortLivedToken(String value, long expiredBySecond) {
        /** Returns once the token has expired: its expiry is a known instant, so waiting for it is not a guess. */
        public void awaitExpiry() {
            while (Instant.now().getEpochSecond() <= expiredBySecond + 1) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** A real, valid token for the API from a client bound to no platform account (no owner_id claim). */
    public static String tokenWithoutOwner() {
        String clientId = "c2c-test-no-owner";
        String secret = "secret-" + clientId;
        createOrFind(adminPath("/clients"), Map.of("clientId", clientId, "enabled", true, "publicClient", false,
                "secret", secret, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "protocolMappers", List.of(mapper("audience c2c-api", "oidc-audience-mapper",
                        Map.of("included.custom.audience", "c2c-api", "access.token.claim", "true")))),
                adminPath("/clients?clientId=" + clientId));
        return Token.of(post(ISSUER + "/protocol/openid-connect/token", form(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)), null)).value();
    }

    /** A real, valid token of the master realm (another issuer, signed by another realm's key). */
    public static String tokenOfAnotherRealm() {
        return adminToken();
    }

    private static Identity createPerson(String username, String ownerId, TreeSet<String> roles) {
        LocalInfra.ensure("keycloak", URI.create(URL).getPort());
        String password = "pw-" + username;
        Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                "email", username + "@test.c2c.local", "firstName", "Test", "lastName", "User",
                "attributes", Map.of("owner_id", List.of(ownerId)),
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        String id = createOrFind(adminPath("/users"), user, adminPath("/users?exact=true&username=" + enc(username)));
        // an account left by an earlier run: make it what this run expects
        adminCall("PUT", adminPath("/users/" + id), user);
        adminCall("PUT", adminPath("/users/" + id + "/reset-password"),
                Map.of("type", "password", "value", password, "temporary", false));
        grantRealmRoles(adminPath("/users/" + id + "/role-mappings/realm"), roles);
        return new Identity(ownerId, Map.of("grant_type", "password", "client_id", FRONTEND,
                "username", username, "password", password, "scope", "openid"));
    }

    private static Identity createPersonWithOtp(String username, String ownerId, TreeSet<String> roles) {
        LocalInfra.ensure("keycloak", URI.create(URL).getPort());
        StepUpRealm.ensure();
        String password = "pw-" + username;
        Totp totp = new Totp(randomSecret());
        List<String> realmRoles = new ArrayList<>(roles);
        realmRoles.add("default-roles-" + REALM);
        // The admin API creates no OTP credential with a known secret; a partial import does (and replaces an
        // account an earlier run left, with its old secret). Its credential JSON is Keycloak's stored form.
        Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                "email", username + "@test.c2c.local", "firstName", "Test", "lastName", "User",
                "attributes", Map.of("owner_id", List.of(ownerId)), "realmRoles", realmRoles,
                "credentials", List.of(
                        Map.of("type", "password", "value", password, "temporary", false),
                        Map.of("type", "otp", "userLabel", "testkit",
                                "secretData", json(Map.of("value", totp.secret())),
                                "credentialData", json(Map.of("subType", "totp", "digits", Totp.DIGITS,
                                        "counter", 0, "period", Totp.PERIOD_SECONDS, "algorithm", "HmacSHA1")))));
        adminCall("POST", adminPath("/partialImport"), Map.of("ifResourceExists", "OVERWRITE", "users", List.of(user)));
        return new Identity(ownerId, Map.of("grant_type", "password", "client_id", FRONTEND,
                "username", username, "password", password, "scope", "openid"), totp);
    }

    /** 24 random characters from [a-z0-9]: the OTP secret value (its UTF-8 bytes are the HMAC key). */
    private static String randomSecret() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            secret.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return secret.toString();
    }

    private static Identity createMakerClient(String clientId, String ownerId) {
        LocalInfra.ensure("keycloak", URI.create(URL).getPort());
        String secret = "secret-" + clientId;
        Map<String, Object> client = Map.ofEntries(Map.entry("clientId", clientId), Map.entry("enabled", true),
                Map.entry("protocol", "openid-connect"), Map.entry("publicClient", false),
                Map.entry("secret", secret), Map.entry("serviceAccountsEnabled", true),
                Map.entry("standardFlowEnabled", false), Map.entry("directAccessGrantsEnabled", false),
                Map.entry("protocolMappers", List.of(
                        mapper("audience c2c-api", "oidc-audience-mapper",
                                Map.of("included.custom.audience", "c2c-api", "access.token.claim", "true")),
                        mapper("owner id", "oidc-hardcoded-claim-mapper", Map.of("claim.name", "owner_id",
                                "claim.value", ownerId, "jsonType.label", "String", "access.token.claim", "true")))));
        String id = createOrFind(adminPath("/clients"), client, adminPath("/clients?clientId=" + enc(clientId)));
        JsonNode account = adminCall("GET", adminPath("/clients/" + id + "/service-account-user"), null);
        grantRealmRoles(adminPath("/users/" + account.path("id").asText() + "/role-mappings/realm"),
                new TreeSet<>(List.of("merchant")));
        return new Identity(ownerId, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    static Map<String, Object> mapper(String name, String type, Map<String, String> config) {
        return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", type, "config", config);
    }

    /** Creates the resource and answers its id; when it exists already (409), finds it. */
    static String createOrFind(String collection, Object body, String search) {
        HttpResponse<String> created = send("POST", collection, body);
        if (created.statusCode() == 201) {
            String location = created.headers().firstValue("Location").orElseThrow();
            return location.substring(location.lastIndexOf('/') + 1);
        }
        if (created.statusCode() != 409) {
            throw new IllegalStateException("Keycloak refused " + collection + ": " + created.statusCode() + " "
                    + created.body());
        }
        JsonNode found = adminCall("GET", search, null);
        if (!found.isArray() || found.isEmpty()) {
            throw new IllegalStateException("Keycloak said it exists but " + search + " finds nothing");
        }
        return found.get(0).path("id").asText();
    }

    private static void grantRealmRoles(String mappings, TreeSet<String> roles) {
        List<JsonNode> reps = roles.stream().map(r -> adminCall("GET", adminPath("/roles/" + enc(r)), null)).toList();
        adminCall("POST", mappings, reps);
    }

    static String adminPath(String path) {
        return URL + "/admin/realms/" + REALM + path;
    }

    static JsonNode adminCall(String method, String url, Object body) {
        HttpResponse<String> answer = send(method, url, body);
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak " + method + " " + url + " answered " + answer.statusCode()
                    + " " + answer.body());
        }
        return parse(answer.body());
    }

    static HttpResponse<String> send(String method, String url, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + adminToken());
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + URL + " did not answer " + method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The development master-realm administrator (admin/admin, set by deploy/local/keycloak.sh). */
    private static synchronized String adminToken() {
        if (admin == null || admin.expiresSoon()) {
            admin = Token.of(post(URL + "/realms/master/protocol/openid-connect/token", form(Map.of(
                    "grant_type", "password", "client_id", "admin-cli",
                    "username", System.getenv().getOrDefault("C2C_KEYCLOAK_ADMIN", "admin"),
                    "password", System.getenv().getOrDefault("C2C_KEYCLOAK_ADMIN_PASSWORD", "admin"))), null));
        }
        return admin.value();
    }

    private static JsonNode post(String url, String form, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Keycloak token endpoint " + url + " answered " + answer.statusCode()
                        + " " + answer.body());
            }
            return parse(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + url + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> postForm(String url, String form) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + url + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Token(String value, Instant expires) {
        static Token of(JsonNode answer) {
            return new Token(answer.path("access_token").asText(),
                    Instant.now().plusSeconds(answer.path("expires_in").asLong(60)));
        }

        boolean expiresSoon() {
            return Instant.now().plus(EARLY_REFRESH).isAfter(expires);
        }
    }

    /** A Keycloak username for (owner, roles): readable, and distinct for owners differing only in case. */
    private static String username(String ownerId, TreeSet<String> roles) {
        String readable = ownerId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        if (readable.length() > 40) {
            readable = readable.substring(0, 40);
        }
        return readable + "." + String.join("-", roles) + "." + hash(ownerId + "|" + roles).substring(0, 8);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak answered something that is not JSON: " + body, e);
        }
    }
}
