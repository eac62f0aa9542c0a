package com.c2c.order.taker.domain;

/**
 * How the taker states the amount and which ad fills it: EXPRESS_* at the best eligible ad, AD_* on the
 * one ad the taker chose; *_FIAT in fiat minor units (to pay, or to receive when selling), *_QUANTITY in
 * USDT micro-units.
 */
public enum OrderMode {
    EXPRESS_FIAT, EXPRESS_QUANTITY, AD_FIAT, AD_QUANTITY;

    public boolean byFiat() {
        return this == EXPRESS_FIAT || this == AD_FIAT;
    }

    public boolean onChosenAd() {
        return this == AD_FIAT || this == AD_QUANTITY;
    }
}
