package com.c2c.events.order;

import com.c2c.events.Nullable;
import com.c2c.events.PaymentMethod;
import java.util.List;
import java.util.UUID;

/**
 * A taker order for the book. {@code mode}: EXPRESS_FIAT (amount in fiat minor units) or
 * EXPRESS_QUANTITY (amount in USDT micro-units) fill against one ad at the best eligible price;
 * AD_FIAT / AD_QUANTITY fill against the one ad {@code adId} the taker chose (same amount units);
 * LIMIT (amount in micro-units, at {@code priceMinor}, {@code timeInForce} GTC, IOC or FOK).
 * {@code adId} is null unless the mode is AD_FIAT or AD_QUANTITY.
 *
 * <p>{@code priceLimitMinor} is the worst price the taker accepts, in fiat minor units per USDT: a BUY
 * pays at most, a SELL receives at least this. The book fills EXPRESS_* and AD_* orders only within it.
 * Null (absent, as in records written before it existed) means no limit; a LIMIT order's limit is its
 * {@code priceMinor}, and this field is not used for it.
 */
public record OrderPlaced(UUID orderId, String ownerId, String market, String side, String mode, long amount,
        long priceMinor, @Nullable String timeInForce, List<PaymentMethod> paymentMethods, int completedTrades,
        @Nullable UUID adId, @Nullable Long priceLimitMinor) {

    /** An order without a price limit (LIMIT orders, whose price is their limit; tools and tests). */
    public OrderPlaced(UUID orderId, String ownerId, String market, String side, String mode, long amount,
            long priceMinor, String timeInForce, List<PaymentMethod> paymentMethods, int completedTrades, UUID adId) {
        this(orderId, ownerId, market, side, mode, amount, priceMinor, timeInForce, paymentMethods, completedTrades,
                adId, null);
    }
}
