package com.c2c.order.idempotency;

import com.c2c.platform.web.ProblemException;

/**
 * The client's name for one request, sent in the {@value #HEADER} header, so a POST can be retried
 * without doing its work twice: the resource it created is stored under (owner, key).
 */
public record IdempotencyKey(String value) {
    public static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 100;

    /** The key of a POST that creates something; a missing or malformed header is a 400 naming it. */
    public static IdempotencyKey required(String header) {
        if (header == null || header.isBlank() || header.length() > MAX_LENGTH) {
            throw ProblemException.invalidField(HEADER,
                    "header is required on every POST (1.." + MAX_LENGTH + " characters, unique per request)");
        }
        return new IdempotencyKey(header.strip());
    }

    /**
     * Checks the header where it is accepted but not needed (the request is a state transition that is
     * idempotent by itself): absent is fine, malformed is a 400.
     */
    public static void optional(String header) {
        if (header != null) {
            required(header);
        }
    }
}
