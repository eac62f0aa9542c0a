package com.c2c.platform.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import java.util.List;

/**
 * Who is calling. The single seam for identity: until OIDC lands, the gateway-supplied
 * {@value #USER_HEADER} header names the user and {@value #ROLES_HEADER} (comma-separated) its roles;
 * the identity issue replaces these bodies with the token's subject and realm roles.
 */
@RequestScoped
public class Caller {
    public static final String USER_HEADER = "X-User-Id";
    public static final String ROLES_HEADER = "X-User-Roles";
    public static final String ARBITER = "arbiter";
    public static final String ADMIN = "admin";
    private static final int MAX_ID_LENGTH = 64;

    private final RoutingContext request;

    Caller(RoutingContext request) {
        this.request = request;
    }

    /** The caller's user id; answers 401 when the request names nobody. */
    public String id() {
        String id = request.request().getHeader(USER_HEADER);
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new ProblemException(401, "unauthenticated", "Authentication required",
                    "the request does not say who is calling", List.of());
        }
        return id.strip();
    }

    /** Whether the (authenticated) caller holds {@code role}. */
    public boolean hasRole(String role) {
        id();
        String roles = request.request().getHeader(ROLES_HEADER);
        return roles != null && Arrays.stream(roles.split(",")).map(String::strip).anyMatch(role::equals);
    }

    /** The caller's id, if they hold {@code role}: 401 when nobody is named, 403 when the role is missing. */
    public String requireRole(String role) {
        String id = id();
        if (!hasRole(role)) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "this needs the " + role + " role", List.of());
        }
        return id;
    }
}
