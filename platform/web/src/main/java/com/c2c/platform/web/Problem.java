package com.c2c.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem body ({@code application/problem+json}). {@code errors} names each bad field
 * so a client can point at it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://c2c.dev/problems/";

    public record FieldError(String field, String message) {
    }

    public static Problem of(String slug, String title, int status, String detail, String instance,
            List<FieldError> errors) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, instance, errors);
    }
}
