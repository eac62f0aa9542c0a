package com.c2c.matching.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** PLACEHOLDER: the fast array-ladder book is being written; until then it delegates to the naive book. */
public final class LadderBook implements OrderBook {
    private final TreeMapBook delegate;

    public LadderBook(long tickMinor, BookListener out) {
        delegate = new TreeMapBook(tickMinor, out);
    }

    @Override
    public void postAd(long adId, long ownerId, Side side, long priceTicks, long quantity, long minFiat,
            long maxFiat, long paymentMethods, int minCompletedTrades) {
        delegate.postAd(adId, ownerId, side, priceTicks, quantity, minFiat, maxFiat, paymentMethods,
                minCompletedTrades);
    }

    @Override
    public void placeLimit(long orderId, long ownerId, Side side, long priceTicks, long quantity, TimeInForce tif) {
        delegate.placeLimit(orderId, ownerId, side, priceTicks, quantity, tif);
    }

    @Override
    public void placeExpress(long orderId, long ownerId, Side side, long amount, boolean byFiat,
            long paymentMethods, int completedTrades) {
        delegate.placeExpress(orderId, ownerId, side, amount, byFiat, paymentMethods, completedTrades);
    }

    @Override
    public void cancel(long orderId) {
        delegate.cancel(orderId);
    }

    @Override
    public void amend(long orderId, long newPriceTicks, long newQuantity) {
        delegate.amend(orderId, newPriceTicks, newQuantity);
    }

    @Override
    public void restore(long adId, long quantity) {
        delegate.restore(adId, quantity);
    }

    @Override
    public long bestBid() {
        return delegate.bestBid();
    }

    @Override
    public long bestAsk() {
        return delegate.bestAsk();
    }

    @Override
    public long quantityAt(Side side, long priceTicks) {
        return delegate.quantityAt(side, priceTicks);
    }

    @Override
    public int size() {
        return delegate.size();
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        delegate.writeSnapshot(out);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        delegate.readSnapshot(in);
    }
}
