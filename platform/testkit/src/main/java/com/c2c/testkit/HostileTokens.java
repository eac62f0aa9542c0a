package com.c2c.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Tokens a caller must never get through with, for the tests that prove the gateway and the services
 * refuse them: each starts from a real token's claims and breaks one thing.
 */
public final class HostileTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private HostileTokens() {
    }

    /** The same claims, re-signed RS256 with a key the realm never had (the realm key's kid kept). */
    public static String forged(String realToken) {
        return sign(header(realToken), claims(realToken));
    }

    /** The same claims with {@code alg: none} and no signature. */
    public static String unsigned(String realToken) {
        ObjectNode header = header(realToken);
        header.put("alg", "none");
        return encode(header) + "." + encode(claims(realToken)) + ".";
    }

    /** A real token whose payload was altered after signing (the owner id changed): the signature no longer holds. */
    public static String tampered(String realToken, String ownerId) {
        String[] parts = realToken.split("\\.");
        ObjectNode claims = claims(realToken);
        claims.put("owner_id", ownerId);
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    /** Signed by a stranger's key with the given issuer, audience and expiry: for the claim checks. */
    public static String withClaims(String realToken, Map<String, Object> changes) {
        ObjectNode claims = claims(realToken);
        changes.forEach((k, v) -> claims.set(k, JSON.valueToTree(v)));
        return sign(header(realToken), claims);
    }

    public static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String sign(ObjectNode header, ObjectNode claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey key = generator.generateKeyPair().getPrivate();
            header.put("alg", "RS256");
            String signed = encode(header) + "." + encode(claims);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode header(String token) {
        return (ObjectNode) part(token, 0);
    }

    private static ObjectNode claims(String token) {
        return (ObjectNode) part(token, 1);
    }

    private static JsonNode part(String token, int index) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    private static String encode(JsonNode node) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(node));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
