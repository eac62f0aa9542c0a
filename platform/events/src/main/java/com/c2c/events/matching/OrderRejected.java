package com.c2c.events.matching;

import com.c2c.events.Nullable;
import java.util.UUID;

/** The book refused a command; {@code reason} is a stable code, {@code message} says it for people. */
public record OrderRejected(UUID orderId, String market, String reason, @Nullable String message) {
}
