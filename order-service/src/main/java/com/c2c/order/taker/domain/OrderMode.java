package com.c2c.order.taker.domain;

/** How the taker states the amount: fiat to pay (EXPRESS_FIAT) or USDT to receive (EXPRESS_QUANTITY). */
public enum OrderMode {
    EXPRESS_FIAT, EXPRESS_QUANTITY
}
