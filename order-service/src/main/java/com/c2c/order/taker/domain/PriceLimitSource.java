package com.c2c.order.taker.domain;

/**
 * Where a taker order's price limit came from: EXPLICIT (the taker's {@code priceLimit}), REFERENCE (the
 * fiat's reference price ± the configured deviation, for an express order without one) or CHOSEN_AD (the
 * chosen ad's price when the order was placed, for an AD_* order without one).
 */
public enum PriceLimitSource {
    EXPLICIT, REFERENCE, CHOSEN_AD
}
