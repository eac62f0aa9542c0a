package com.c2c.events.matching;

/** A market (asset/fiat pair) now accepts ads and orders; prices move in steps of {@code tickMinor}. */
public record MarketOpened(String market, String asset, String fiat, int fiatScale, long tickMinor) {
}
