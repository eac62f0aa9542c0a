package com.c2c.order.ad.domain;

/** FIXED: the maker's own price. FLOATING: the fiat's reference price plus the ad's margin, following it. */
public enum PriceType {
    FIXED, FLOATING
}
