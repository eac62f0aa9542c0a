package com.c2c.events.order;

import java.util.UUID;

/** The taker cancels an order still resting on the book. */
public record OrderCancelRequested(UUID orderId, String market) {
}
