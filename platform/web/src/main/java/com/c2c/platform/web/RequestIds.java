package com.c2c.platform.web;

import io.smallrye.common.vertx.ContextLocals;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The request id that ties one user action together across the gateway, every service's log lines and
 * the events it causes. The gateway sets {@value #HEADER} (and keeps a sane one a client sent); a call
 * that reaches a service directly gets one here. It is kept on the request's Vert.x context, where the
 * outbox reads it into the events the request publishes, and in the logging MDC as {@value #MDC_KEY}.
 */
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String CONTEXT_KEY = "c2c.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The current request's id, or the one of the event being consumed; empty outside both. */
    public static Optional<String> current() {
        try {
            return ContextLocals.get(CONTEXT_KEY);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            return Optional.empty(); // not on a duplicated Vert.x context (a plain thread): nothing to carry
        }
    }

    /** Makes {@code id} the current one for the rest of this context (a request, or a consumed event). */
    public static void adopt(String id) {
        if (id == null || !SANE.matcher(id).matches()) {
            return;
        }
        try {
            ContextLocals.put(CONTEXT_KEY, id);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            return;
        }
        MDC.put(MDC_KEY, id);
    }

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        adopt(given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString());
    }

    @ServerResponseFilter
    public void onResponse(ContainerResponseContext response) {
        current().ifPresent(id -> response.getHeaders().putSingle(HEADER, id));
    }
}
