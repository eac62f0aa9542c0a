package com.c2c.order.ad.domain;

/** What a transition tells the book (the command is decided with the ad row locked, see AdAnnouncements). */
public enum BookEffect {
    NONE,
    /**
     * AdListed with what the ad has left and its current terms, if the book does not hold it and it has
     * something left; an ad whose withdrawal is unconfirmed is listed when the book confirms it.
     */
    LIST,
    /** AdWithdrawn if the book holds the ad; the book answers with what it removed (BookQuantityCancelled). */
    WITHDRAW
}
