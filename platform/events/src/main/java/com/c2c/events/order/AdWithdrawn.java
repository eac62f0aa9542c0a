package com.c2c.events.order;

import java.util.UUID;

/** The ad leaves the book (paused or cancelled); its unmatched quantity is released by the wallet. */
public record AdWithdrawn(UUID adId, String market) {
}
