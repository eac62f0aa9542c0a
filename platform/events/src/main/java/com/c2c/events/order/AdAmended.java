package com.c2c.events.order;

import java.util.UUID;

/**
 * The maker changed an active ad. {@code priceMinor} is the new price (moving it loses time priority);
 * {@code quantityMicros} is the new remaining quantity, or {@link #KEEP_QUANTITY} to leave it as the book has it.
 * {@code paymentWindowMinutes} is the ad's payment window from now on (escrow uses it for new trades).
 */
public record AdAmended(UUID adId, String market, long priceMinor, long quantityMicros, int paymentWindowMinutes) {
    /** Leave the remaining quantity as the book has it (only the price moves). */
    public static final long KEEP_QUANTITY = -1;
}
