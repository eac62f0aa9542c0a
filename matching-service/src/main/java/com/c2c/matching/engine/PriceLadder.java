package com.c2c.matching.engine;

/**
 * One side's price levels, indexed directly by price tick: each level is a FIFO of pool slots
 * (head, tail) with its total quantity. Levels live in pages of 4,096 ticks allocated on first use,
 * so memory follows the prices in use, not the price range. Occupancy is a two-level bitset per page
 * and per side, so the next non-empty level is found with a few bit operations, and the best price
 * is kept in a field: O(1) to read, O(1) amortised to maintain.
 */
final class PriceLadder {
    static final int NIL = -1;
    private static final int PAGE_BITS = 12;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_SIZE - 1;
    private static final int PAGES = (int) ((Limits.MAX_PRICE_TICKS + 1) >>> PAGE_BITS); // 4,096

    private static final class Page {
        final int[] head = new int[PAGE_SIZE];
        final int[] tail = new int[PAGE_SIZE];
        final long[] quantity = new long[PAGE_SIZE];
        final long[] occupied = new long[PAGE_SIZE / 64];
        long occupiedWords;
    }

    /** True for bids: the best price is the highest. */
    private final boolean descending;
    private final Page[] pages = new Page[PAGES];
    private final long[] pageOccupied = new long[PAGES / 64];
    private long pageOccupiedWords;
    private long best = Limits.NONE;

    PriceLadder(boolean descending) {
        this.descending = descending;
    }

    long best() {
        return best;
    }

    int head(long price) {
        Page page = pages[(int) (price >>> PAGE_BITS)];
        return page == null || !isSet(page, (int) price & PAGE_MASK) ? NIL : page.head[(int) price & PAGE_MASK];
    }

    long quantity(long price) {
        if (price < 1 || price > Limits.MAX_PRICE_TICKS) {
            return 0;
        }
        Page page = pages[(int) (price >>> PAGE_BITS)];
        return page == null ? 0 : page.quantity[(int) price & PAGE_MASK];
    }

    /** The next non-empty level after {@code price} in priority order, or NONE. */
    long after(long price) {
        return descending ? below(price - 1) : above(price + 1);
    }

    /** Appends {@code slot} to the level's FIFO; returns the level's new total. */
    long append(long price, int slot, long qty, int[] next, int[] prev) {
        int pageIndex = (int) (price >>> PAGE_BITS);
        Page page = pages[pageIndex];
        if (page == null) {
            page = new Page();
            pages[pageIndex] = page;
        }
        int i = (int) price & PAGE_MASK;
        next[slot] = NIL;
        if (isSet(page, i)) {
            int tail = page.tail[i];
            next[tail] = slot;
            prev[slot] = tail;
            page.tail[i] = slot;
        } else {
            prev[slot] = NIL;
            page.head[i] = slot;
            page.tail[i] = slot;
            page.quantity[i] = 0;
            set(page, pageIndex, i);
            if (best == Limits.NONE || (descending ? price > best : price < best)) {
                best = price;
            }
        }
        return page.quantity[i] += qty;
    }

    /** Removes {@code slot} (holding {@code qty}) from its level; returns the level's new total. */
    long remove(long price, int slot, long qty, int[] next, int[] prev) {
        int pageIndex = (int) (price >>> PAGE_BITS);
        Page page = pages[pageIndex];
        int i = (int) price & PAGE_MASK;
        int n = next[slot];
        int p = prev[slot];
        if (p == NIL) {
            page.head[i] = n;
        } else {
            next[p] = n;
        }
        if (n == NIL) {
            page.tail[i] = p;
        } else {
            prev[n] = p;
        }
        long total = page.quantity[i] -= qty;
        if (p == NIL && n == NIL) {
            clear(page, pageIndex, i);
            if (price == best) {
                best = after(price);
            }
        }
        return total;
    }

    /** Adds {@code delta} (may be negative) to a level's total without moving anything; returns the total. */
    long adjust(long price, long delta) {
        return pages[(int) (price >>> PAGE_BITS)].quantity[(int) price & PAGE_MASK] += delta;
    }

    void clearAll() {
        java.util.Arrays.fill(pages, null);
        java.util.Arrays.fill(pageOccupied, 0);
        pageOccupiedWords = 0;
        best = Limits.NONE;
    }

    private static boolean isSet(Page page, int i) {
        return (page.occupied[i >>> 6] & (1L << i)) != 0;
    }

    private void set(Page page, int pageIndex, int i) {
        page.occupied[i >>> 6] |= 1L << i;
        page.occupiedWords |= 1L << (i >>> 6);
        pageOccupied[pageIndex >>> 6] |= 1L << pageIndex;
        pageOccupiedWords |= 1L << (pageIndex >>> 6);
    }

    private void clear(Page page, int pageIndex, int i) {
        int w = i >>> 6;
        if ((page.occupied[w] &= ~(1L << i)) == 0 && (page.occupiedWords &= ~(1L << w)) == 0) {
            int pw = pageIndex >>> 6;
            if ((pageOccupied[pw] &= ~(1L << pageIndex)) == 0) {
                pageOccupiedWords &= ~(1L << pw);
            }
        }
    }

    /** Lowest occupied price >= from, or NONE. */
    private long above(long from) {
        if (from > Limits.MAX_PRICE_TICKS) {
            return Limits.NONE;
        }
        int pageIndex = (int) (from >>> PAGE_BITS);
        Page page = pages[pageIndex];
        if (page != null) {
            int i = (int) from & PAGE_MASK;
            int w = i >>> 6;
            long bits = page.occupied[w] & (-1L << i);
            if (bits != 0) {
                return pageBase(pageIndex) + (w << 6) + Long.numberOfTrailingZeros(bits);
            }
            long words = page.occupiedWords & (-2L << w);
            if (words != 0) {
                int w2 = Long.numberOfTrailingZeros(words);
                return pageBase(pageIndex) + (w2 << 6) + Long.numberOfTrailingZeros(page.occupied[w2]);
            }
        }
        int pw = pageIndex >>> 6;
        long pagesBits = pageOccupied[pw] & (-2L << pageIndex);
        if (pagesBits == 0) {
            long words = pageOccupiedWords & (-2L << pw);
            if (words == 0) {
                return Limits.NONE;
            }
            pw = Long.numberOfTrailingZeros(words);
            pagesBits = pageOccupied[pw];
        }
        int next = (pw << 6) + Long.numberOfTrailingZeros(pagesBits);
        Page p = pages[next];
        int w2 = Long.numberOfTrailingZeros(p.occupiedWords);
        return pageBase(next) + (w2 << 6) + Long.numberOfTrailingZeros(p.occupied[w2]);
    }

    /** Highest occupied price <= from, or NONE. */
    private long below(long from) {
        if (from < 1) {
            return Limits.NONE;
        }
        int pageIndex = (int) (from >>> PAGE_BITS);
        Page page = pages[pageIndex];
        if (page != null) {
            int i = (int) from & PAGE_MASK;
            int w = i >>> 6;
            long bits = page.occupied[w] & (-1L >>> (63 - (i & 63)));
            if (bits != 0) {
                return pageBase(pageIndex) + (w << 6) + 63 - Long.numberOfLeadingZeros(bits);
            }
            long words = page.occupiedWords & ((1L << w) - 1);
            if (words != 0) {
                int w2 = 63 - Long.numberOfLeadingZeros(words);
                return pageBase(pageIndex) + (w2 << 6) + 63 - Long.numberOfLeadingZeros(page.occupied[w2]);
            }
        }
        int pw = pageIndex >>> 6;
        long pagesBits = pageOccupied[pw] & ((1L << (pageIndex & 63)) - 1);
        if (pagesBits == 0) {
            long words = pageOccupiedWords & ((1L << pw) - 1);
            if (words == 0) {
                return Limits.NONE;
            }
            pw = 63 - Long.numberOfLeadingZeros(words);
            pagesBits = pageOccupied[pw];
        }
        int prev = (pw << 6) + 63 - Long.numberOfLeadingZeros(pagesBits);
        Page p = pages[prev];
        int w2 = 63 - Long.numberOfLeadingZeros(p.occupiedWords);
        return pageBase(prev) + (w2 << 6) + 63 - Long.numberOfLeadingZeros(p.occupied[w2]);
    }

    private static long pageBase(int pageIndex) {
        return (long) pageIndex << PAGE_BITS;
    }
}
