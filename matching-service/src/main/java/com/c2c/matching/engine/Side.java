package com.c2c.matching.engine;

/** The side of an order from its owner's view: BUY takes USDT, SELL gives USDT. */
public enum Side {
    BUY, SELL;

    /** Whether a taker on this side with limit {@code limitPrice} trades with a maker at {@code makerPrice}. */
    public boolean crosses(long limitPrice, long makerPrice) {
        return this == BUY ? makerPrice <= limitPrice : makerPrice >= limitPrice;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
