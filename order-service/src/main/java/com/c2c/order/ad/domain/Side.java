package com.c2c.order.ad.domain;

/** Which way the ad's owner trades USDT: a SELL ad offers USDT for fiat, a BUY ad asks for it. */
public enum Side {
    BUY, SELL
}
