package com.c2c.platform.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;

/**
 * Who is calling. The single seam for identity: until OIDC lands, the gateway-supplied
 * {@value #USER_HEADER} header names the user; the identity issue replaces this body with the token's subject.
 */
@RequestScoped
public class Caller {
    public static final String USER_HEADER = "X-User-Id";
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
}
