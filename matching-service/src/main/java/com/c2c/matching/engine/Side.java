package com.c2c.matching.engine;

/** The side of an order from its owner's view: BUY takes USDT, SELL gives USDT. */
public enum Side {
    BUY, SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
