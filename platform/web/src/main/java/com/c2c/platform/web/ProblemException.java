package com.c2c.platform.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Thrown by services to refuse a request with a specific problem; nothing the request would have
 * changed is kept (it is thrown before, or rolls back, the transaction).
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    /** Seconds the client should wait before trying again (the Retry-After header), else null. */
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        this(status, slug, title, detail, errors, null);
    }

    private ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
            Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400: one field is wrong. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "invalid-request", "The request is not valid", field + " " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /**
     * Runs a parse or check that signals bad input with IllegalArgumentException (its message says
     * what is wrong), turning that into a 400 naming the field.
     */
    public static <T> T field(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw invalidField(name, e.getMessage());
        }
    }

    /** 403: the caller is known but may not do this; {@code detail} says what is missing. */
    public static ProblemException forbidden(String slug, String detail) {
        return new ProblemException(403, slug, "Forbidden", detail, List.of());
    }

    /** 404: the named resource does not exist (or the caller may not know it does). */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found", List.of());
    }

    /** 409: the request conflicts with the resource's current state. */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict with the current state", detail, List.of());
    }

    /** 410: what the request points at is no longer kept; {@code detail} says how to start afresh. */
    public static ProblemException gone(String slug, String detail) {
        return new ProblemException(410, slug, "Gone", detail, List.of());
    }

    /** 429: the caller holds too much of a limited resource; it may try again after {@code seconds}. */
    public static ProblemException tooMany(String slug, String detail, int seconds) {
        return new ProblemException(429, slug, "Too many requests", detail, List.of(), seconds);
    }

    /** 503: the service cannot answer yet (e.g. still building what it serves); the client may retry. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, List.of());
    }

    /** 503 with {@code Retry-After}: a server the service depends on is down for a moment; the same request may be repeated. */
    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, List.of(), retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    /** The Retry-After seconds to answer with, if any. */
    public Optional<Integer> retryAfterSeconds() {
        return Optional.ofNullable(retryAfterSeconds);
    }

    public Problem toProblem(String instance) {
        return Problem.of(slug, title, status, getMessage(), instance, errors);
    }
}
