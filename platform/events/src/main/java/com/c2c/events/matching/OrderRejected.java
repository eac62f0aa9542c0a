package com.c2c.events.matching;

import com.c2c.events.Nullable;
import java.util.UUID;

/**
 * The book refused a command; {@code reason} is a stable code, {@code message} says it for people.
 * {@code command} is the CloudEvent type of the refused input (e.g. {@code c2c.order.AdListed.v1}): a refused
 * listing leaves nothing on the book, a refused amendment leaves the ad as it was. Absent in records
 * written before the field existed.
 */
public record OrderRejected(UUID orderId, String market, String reason, @Nullable String message,
        @Nullable String command) {

    /** A refusal that does not say which input it refused (as every one did before {@code command}). */
    public OrderRejected(UUID orderId, String market, String reason, String message) {
        this(orderId, market, reason, message, null);
    }
}
