package com.c2c.matching.book;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One market's depth as the engine published it after an applied batch: immutable, so REST readers
 * share it without locks. Prices in fiat minor units, quantities in USDT micro-units; at most
 * {@link PublishedDepths#LEVELS} levels per side, best first.
 */
public record BookDepth(String market, List<Level> asks, List<Level> bids, EngineInput input) {

    public BookDepth {
        asks = List.copyOf(asks);
        bids = List.copyOf(bids);
    }

    /** A book with nothing on it (a market whose book has received nothing yet), as of {@code input}. */
    public static BookDepth empty(String market, EngineInput input) {
        return new BookDepth(market, List.of(), List.of(), input);
    }

    /** One price level: the fillable ads' total remaining quantity and their number. */
    public record Level(long priceMinor, long quantityMicros, int ads) {
    }

    /**
     * Where the engine was when the depth was taken: {@code sequence} counts the inputs it has applied
     * (the same input has the same number after a rebuild), {@code lastOffsets} is the offset of the
     * last applied input per input partition, {@code takenAt} when the depth was taken.
     */
    public record EngineInput(long sequence, SortedMap<Integer, Long> lastOffsets, Instant takenAt) {
        public EngineInput {
            lastOffsets = Collections.unmodifiableSortedMap(new TreeMap<>(lastOffsets));
        }
    }
}
