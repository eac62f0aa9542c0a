package com.c2c.platform.web;

import java.util.List;
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

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
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

    /** 404: the named resource does not exist (or the caller may not know it does). */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found", List.of());
    }

    /** 409: the request conflicts with the resource's current state. */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict with the current state", detail, List.of());
    }

    /** 503: the service cannot answer yet (e.g. still building what it serves); the client may retry. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, List.of());
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return Problem.of(slug, title, status, getMessage(), instance, errors);
    }
}
