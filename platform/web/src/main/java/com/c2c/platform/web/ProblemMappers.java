package com.c2c.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become HTTP responses: always an RFC 9457 problem body. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int OUTAGE_RETRY_SECONDS = 2;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.toProblem(path(uri)));
        return e.retryAfterSeconds()
                .map(seconds -> Response.fromResponse(response).header("Retry-After", seconds).build())
                .orElse(response);
    }

    /** {@code @Authenticated} met no valid token. */
    @ServerExceptionMapper
    public Response unauthenticated(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(respond(Caller.unauthenticated().toProblem(path(uri))))
                .header("WWW-Authenticate", "Bearer realm=\"c2c\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "the token does not allow this", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response invalidBean(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of("invalid-request", "The request is not valid", 400, detail, path(uri), errors));
    }

    /**
     * A body that is JSON but does not fit the request (an unknown enum constant, a wrong type). Declared
     * for this exact type because Quarkus REST rethrows it unwrapped and ships its own mapper for it,
     * which would otherwise win over the more general one below.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof InvalidDefinitionException) {
            return unexpected(e, uri); // our type cannot be bound at all: a bug of ours, not the client's
        }
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json && e.getResponse().getStatus() == 400) {
            return unreadableJson(json, uri); // Quarkus REST wraps a body that is not JSON at all
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of("http-" + status, title, status, e.getMessage(), path(uri), List.of()));
    }

    /**
     * Everything else, {@code Throwable} and not only {@code Exception}: Vert.x fails some operations with bare
     * throwables (the SQL pool's connection timeout), which would otherwise pass every mapper and reach the
     * framework's error page as a 500 without a problem body.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (Outages.isOutage(e)) {
            // PostgreSQL or Kafka is down or restarting: the client should come back, not report a bug.
            LOG.warnf("%s: a server this service depends on is unavailable (%s)", path(uri), e.toString());
            return problem(ProblemException.unavailable(
                    "a server this service depends on is unavailable for a moment; retry the same request after "
                            + OUTAGE_RETRY_SECONDS + " s", OUTAGE_RETRY_SECONDS), uri);
        }
        LOG.error("unexpected failure serving " + path(uri), e);
        return respond(Problem.of("internal", "Internal error", 500,
                "the request could not be completed; nothing was changed", path(uri), List.of()));
    }

    private static Response unreadable(JsonProcessingException e, UriInfo uri) {
        UnreadableBody body = UnreadableBody.of(e);
        return respond(ProblemException.invalidField(body.field(), body.message()).toProblem(path(uri)));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /**
     * The bean property path without the method and parameter names REST validation puts in front;
     * a violated query or path parameter is named by itself, a missing request body {@value UnreadableBody#BODY}.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        Path.MethodNode method = null;
        Path.ParameterNode parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> method = node.as(Path.MethodNode.class);
                case PARAMETER -> {
                    parameter = node.as(Path.ParameterNode.class);
                    names.clear();
                }
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        names.add(node.getName());
                    }
                }
                default -> {
                }
            }
        }
        if (!names.isEmpty()) {
            return String.join(".", names);
        }
        if (parameter == null
                || method != null && isRequestBody(violation.getRootBeanClass(), method, parameter.getParameterIndex())) {
            return UnreadableBody.BODY;
        }
        return parameter.getName();
    }

    /**
     * Whether the parameter is a resource method's request body: JAX-RS binds to the body the one parameter
     * that carries none of its parameter annotations. The validated bean may be a generated subclass of the
     * resource that drops the annotations, so every declaration up the hierarchy is looked at.
     */
    private static boolean isRequestBody(Class<?> bean, Path.MethodNode method, int index) {
        Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
        boolean resourceMethod = false;
        for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
            Method declared;
            try {
                declared = type.getDeclaredMethod(method.getName(), types);
            } catch (NoSuchMethodException e) {
                continue;
            }
            resourceMethod |= Arrays.stream(declared.getAnnotations())
                    .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
            if (Arrays.stream(declared.getParameterAnnotations()[index]).anyMatch(ProblemMappers::bindsParameter)) {
                return false;
            }
        }
        return resourceMethod;
    }

    /** A JAX-RS or Quarkus REST annotation that binds a parameter to something other than the body. */
    private static boolean bindsParameter(Annotation annotation) {
        String pkg = annotation.annotationType().getPackageName();
        return pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive");
    }
}
