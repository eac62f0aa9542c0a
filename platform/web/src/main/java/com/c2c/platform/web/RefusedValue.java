package com.c2c.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON value of the right type that is refused while Jackson reads it (a number out of bounds), with
 * the reason the client is told; {@link UnreadableBody} names its field with that reason.
 */
final class RefusedValue extends InvalidFormatException {
    private final String reason;

    RefusedValue(JsonParser parser, Class<?> type, String reason) {
        // The value itself is left out: it may be megabytes of digits.
        super(parser, "value refused: " + reason, null, type);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
