package com.c2c.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * A bearer token that fails verification is refused by Quarkus before any resource runs (proactive
 * authentication: a bad token is refused even on a public endpoint). This turns that refusal into the
 * same RFC 9457 problem every other answer uses, with the {@code WWW-Authenticate} challenge RFC 6750 asks for.
 */
@ApplicationScoped
public class AuthenticationProblems {
    private final ObjectMapper json;

    AuthenticationProblems(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            Throwable failure = context.failure();
            if (!(failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException)
                    || context.response().headWritten()) {
                context.next();
                return;
            }
            Problem problem = Problem.of("unauthenticated", "Authentication required", 401,
                    "the bearer token is missing, expired or not valid for this API", context.request().path(),
                    List.of());
            context.response().setStatusCode(401)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("WWW-Authenticate", "Bearer realm=\"c2c\", error=\"invalid_token\"")
                    .end(write(problem));
        });
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return "{\"status\":401,\"title\":\"Authentication required\"}";
        }
    }
}
