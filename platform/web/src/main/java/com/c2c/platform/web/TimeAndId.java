package com.c2c.platform.web;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The position most lists page by: a row's time (when it was created, matched, opened...) and its id,
 * which breaks ties between rows of the same time so that the order, and so every position, is total.
 */
public record TimeAndId(Instant at, UUID id) {
    public TimeAndId {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }
}
