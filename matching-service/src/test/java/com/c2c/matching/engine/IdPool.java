package com.c2c.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses ids while a generated sequence is resolved front to back, so that commands can name ids
 * used earlier in the same sequence (cancel, amend, restore; duplicate placements) and sometimes
 * ids nobody used. A pick of 0 is always the plainest choice — a fresh id for a new order, the
 * latest id for an existing one — so jqwik's shrinking (towards 0) yields plain sequences.
 */
final class IdPool {
    /** Ids from here up are never handed out as fresh ids: they are the "unknown" ones. */
    private static final long UNKNOWN_BASE = 1_000_000;
    /** Picks range over 0..PICKS-1. */
    static final int PICKS = 1000;
    private static final int NEW_ORDER_FRESH = 880;
    private static final int NEW_ORDER_EARLIER = 980;
    private static final int EXISTING_EARLIER = 920;
    /** Existing ids are mostly recent ones: those are more likely to be still live. */
    private static final int RECENCY_WINDOW = 60;
    private static final int CHOSEN_AD_RECENT = 800;
    /** A chosen ad is mostly one of the last few posted: those are likely to still hold quantity. */
    private static final int AD_RECENCY_WINDOW = 10;

    /** Ids of orders that may rest (ads, GTC orders): the ones worth cancelling, amending, restoring, reusing. */
    private final List<Long> restable = new ArrayList<>();
    private final List<Long> ads = new ArrayList<>();
    private final Map<Long, Long> lastPrice = new HashMap<>();
    private final Map<Long, Long> lastQuantity = new HashMap<>();
    private final Map<Long, Side> sides = new HashMap<>();
    private long nextFresh = 1;

    /**
     * Mostly a fresh id; sometimes an earlier one (a duplicate if still live); rarely an odd unknown id.
     *
     * @param mayRest whether the order can rest, making its id a good target for later commands
     */
    long forNewOrder(int pick, boolean mayRest) {
        if (pick < NEW_ORDER_FRESH || restable.isEmpty()) {
            long id = nextFresh++;
            if (mayRest) {
                restable.add(id);
            }
            return id;
        }
        if (pick < NEW_ORDER_EARLIER) {
            return earlier(pick - NEW_ORDER_FRESH);
        }
        return UNKNOWN_BASE + pick;
    }

    /** Mostly the id of an earlier ad or GTC order (recent ones first); sometimes one that was never used. */
    long forExistingOrder(int pick) {
        if (pick < EXISTING_EARLIER && !restable.isEmpty()) {
            return earlier(pick % RECENCY_WINDOW);
        }
        return UNKNOWN_BASE + pick;
    }

    /**
     * The ad an order is placed on: mostly a recently posted ad; otherwise as {@link #forExistingOrder}
     * (an earlier ad or GTC order, or an unknown id).
     */
    long forChosenAd(int pick) {
        if (pick < CHOSEN_AD_RECENT && !ads.isEmpty()) {
            return ads.get(Math.max(0, ads.size() - 1 - pick % AD_RECENCY_WINDOW));
        }
        return forExistingOrder(pick);
    }

    void rememberAd(long id) {
        ads.add(id);
    }

    /** Remembers the price and quantity a command asked for, so an amend can keep or shrink them. */
    void remember(long id, long price, long quantity) {
        lastPrice.put(id, price);
        lastQuantity.put(id, quantity);
    }

    void rememberPrice(long id, long price) {
        lastPrice.put(id, price);
    }

    /** Remembers a placed order's side, so an order on a chosen ad can mostly take the other side. */
    void rememberSide(long id, Side side) {
        sides.put(id, side);
    }

    Side side(long id, Side fallback) {
        return sides.getOrDefault(id, fallback);
    }

    long lastPrice(long id, long fallback) {
        return lastPrice.getOrDefault(id, fallback);
    }

    long lastQuantity(long id, long fallback) {
        return lastQuantity.getOrDefault(id, fallback);
    }

    private long earlier(int recency) {
        return restable.get(Math.max(0, restable.size() - 1 - recency));
    }
}
