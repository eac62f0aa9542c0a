package com.c2c.order.maker.domain;

/** What one item of a bulk maker call did. */
public enum ItemResult {
    /** A new ad was posted under the clientAdId. */
    CREATED,
    /** The ad's terms or total changed. */
    UPDATED,
    /** The ad already was as asked (a resent batch); nothing was sent anywhere. */
    UNCHANGED,
    /** The item's ad was cancelled by this call. */
    CANCELLED,
    /** The item changed nothing; its problem says why. The other items are not affected. */
    REJECTED
}
