package com.c2c.matching.bench;

import com.c2c.matching.engine.OrderBook;
import com.c2c.matching.engine.Side;
import com.c2c.matching.engine.TimeInForce;

/** Executes one pre-generated command through the public {@link OrderBook} API. */
public final class Replay {
    private Replay() {
    }

    public static void exec(OrderBook book, Commands c, int i) {
        switch (c.op[i]) {
            case Commands.AMEND -> book.amend(c.id[i], c.price[i], c.qty[i]);
            case Commands.GTC_BUY -> book.placeLimit(c.id[i], c.owner[i], Side.BUY, c.price[i], c.qty[i], TimeInForce.GTC);
            case Commands.GTC_SELL -> book.placeLimit(c.id[i], c.owner[i], Side.SELL, c.price[i], c.qty[i], TimeInForce.GTC);
            case Commands.CANCEL -> book.cancel(c.id[i]);
            case Commands.IOC_BUY -> book.placeLimit(c.id[i], c.owner[i], Side.BUY, c.price[i], c.qty[i], TimeInForce.IOC);
            case Commands.IOC_SELL -> book.placeLimit(c.id[i], c.owner[i], Side.SELL, c.price[i], c.qty[i], TimeInForce.IOC);
            case Commands.AD_BUY -> book.postAd(c.id[i], c.owner[i], Side.BUY, c.price[i], c.qty[i], c.minFiat[i],
                    c.maxFiat[i], c.methods[i], c.completed[i]);
            case Commands.AD_SELL -> book.postAd(c.id[i], c.owner[i], Side.SELL, c.price[i], c.qty[i], c.minFiat[i],
                    c.maxFiat[i], c.methods[i], c.completed[i]);
            case Commands.EXPRESS_BUY_FIAT -> book.placeExpress(c.id[i], c.owner[i], Side.BUY, c.qty[i], true,
                    c.methods[i], c.completed[i]);
            case Commands.EXPRESS_SELL_FIAT -> book.placeExpress(c.id[i], c.owner[i], Side.SELL, c.qty[i], true,
                    c.methods[i], c.completed[i]);
            case Commands.EXPRESS_BUY_QTY -> book.placeExpress(c.id[i], c.owner[i], Side.BUY, c.qty[i], false,
                    c.methods[i], c.completed[i]);
            case Commands.EXPRESS_SELL_QTY -> book.placeExpress(c.id[i], c.owner[i], Side.SELL, c.qty[i], false,
                    c.methods[i], c.completed[i]);
            case Commands.RESTORE -> book.restore(c.id[i], c.qty[i]);
            default -> throw new IllegalStateException("op " + c.op[i]);
        }
    }
}
