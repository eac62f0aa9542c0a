package com.c2c.matching.engine;

/**
 * Receives a book's depth from {@link OrderBook#depth}, one price level per call, best price first.
 * Arguments are primitives so walking the book allocates nothing per order; a listener that keeps
 * them copies what it needs.
 */
@FunctionalInterface
public interface DepthListener {
    /**
     * @param priceTicks the level's price
     * @param quantity   the fillable ads' total remaining quantity at the level, USDT micro-units
     * @param ads        how many fillable ads rest at the level (at least 1)
     */
    void onLevel(long priceTicks, long quantity, int ads);
}
