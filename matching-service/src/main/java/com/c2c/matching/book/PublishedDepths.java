package com.c2c.matching.book;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest depth of every market, as the engine thread published it after applying a batch. The
 * engine writes (copy-on-write: each publication replaces a market's immutable {@link BookDepth});
 * REST readers only read, so they never lock or slow the books. A publication never replaces a newer
 * one (after a rebuild the replay republishes states already seen), so readers never go back in time.
 */
@ApplicationScoped
public class PublishedDepths {
    /** Levels per side the engine publishes; requests may ask for at most this many. */
    public static final int LEVELS = 100;

    private final Map<String, BookDepth> byMarket = new ConcurrentHashMap<>();
    private volatile BookDepth.EngineInput engine;

    /**
     * The market's latest depth; an open market without a book yet is empty as of the engine's latest
     * input. Empty until the engine has built its books (or if this instance does not run the engine).
     */
    public Optional<BookDepth> latest(String market) {
        // The engine publishes a batch's depths before its position: read the position first, and a market
        // missing after it really had no book at that position.
        BookDepth.EngineInput position = engine;
        if (position == null) {
            return Optional.empty();
        }
        BookDepth depth = byMarket.get(market);
        return Optional.of(depth != null ? depth : BookDepth.empty(market, position));
    }

    /** Called by the engine thread only, after a batch is committed (or the books were rebuilt). */
    void publish(List<BookDepth> depths, BookDepth.EngineInput position) {
        for (BookDepth depth : depths) {
            byMarket.merge(depth.market(), depth, PublishedDepths::newer);
        }
        BookDepth.EngineInput current = engine;
        if (current == null || position.sequence() >= current.sequence()) {
            engine = position;
        }
    }

    private static BookDepth newer(BookDepth published, BookDepth candidate) {
        return candidate.input().sequence() >= published.input().sequence() ? candidate : published;
    }
}
