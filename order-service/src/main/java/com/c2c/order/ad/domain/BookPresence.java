package com.c2c.order.ad.domain;

/**
 * Whether the matching engine holds the ad, as far as this service can know from what it sent and what
 * the book answered. It is separate from {@link AdStatus} because the book learns of a pause or a cancel
 * only later: between the AdWithdrawn we send and the book's BookQuantityCancelled, trades the book made
 * earlier may still be arriving, and quantity returned to the ad must not be put back on the book.
 */
public enum BookPresence {
    /** The book does not hold the ad: never listed, or its withdrawal was confirmed. */
    OFF,
    /** AdListed was sent and no AdWithdrawn since: the book holds the ad (possibly exhausted, at zero). */
    LISTED,
    /** AdWithdrawn was sent; the book's BookQuantityCancelled (what it removed) has not arrived yet. */
    WITHDRAWING
}
