package com.c2c.matching.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The fast book. Orders live in a struct-of-arrays pool (slots reused through a free list), found
 * by id through a primitive hash map, and queued per price level in a {@link PriceLadder} per side.
 * Nothing on the command path allocates once the pool has grown to the book's size. Behaviour is
 * exactly {@link TreeMapBook}'s, listener call for listener call; tests hold it to that.
 */
public final class LadderBook implements OrderBook {
    private static final int NIL = PriceLadder.NIL;
    private static final byte FREE = 0;
    private static final byte RESTING = 1;
    private static final byte EXHAUSTED = 2;

    private final long tickMinor;
    private final BookListener out;
    private final PriceLadder bids = new PriceLadder(true);
    private final PriceLadder asks = new PriceLadder(false);
    private final LongIntMap slotsById;
    private final int exhaustedAdsKept;

    // The pool: one slot per live order or exhausted ad.
    private long[] id;
    private long[] owner;
    private long[] price;
    private long[] remaining;
    private long[] minFiat;
    private long[] maxFiat;
    private long[] methods;
    private int[] minCompleted;
    private Side[] side;
    private byte[] kind;
    private byte[] state;
    private int[] next;
    private int[] prev;
    private int freeHead = NIL;
    private int used;
    private int live;

    // Exhausted ads, in the order they ran out (a list through next/prev, which they no longer use on a level).
    private int exhaustedHead = NIL;
    private int exhaustedTail = NIL;
    private int exhaustedCount;

    private long tradeSeq;

    public LadderBook(long tickMinor, BookListener out) {
        this(tickMinor, out, 1024);
    }

    public LadderBook(long tickMinor, BookListener out, int expectedOrders) {
        this(tickMinor, out, expectedOrders, Limits.EXHAUSTED_ADS_KEPT);
    }

    /** {@code exhaustedAdsKept}: {@link Limits#EXHAUSTED_ADS_KEPT} in the engine; tests use a few. */
    public LadderBook(long tickMinor, BookListener out, int expectedOrders, int exhaustedAdsKept) {
        if (tickMinor <= 0) {
            throw new IllegalArgumentException("tickMinor must be positive");
        }
        if (exhaustedAdsKept < 0) {
            throw new IllegalArgumentException("exhaustedAdsKept must not be negative");
        }
        this.tickMinor = tickMinor;
        this.out = out;
        this.exhaustedAdsKept = exhaustedAdsKept;
        this.slotsById = new LongIntMap(expectedOrders);
        allocatePool(Math.max(16, expectedOrders));
    }

    @Override
    public void postAd(long adId, long ownerId, Side side, long priceTicks, long quantity, long minFiat,
            long maxFiat, long paymentMethods, int minCompletedTrades) {
        if (slotsById.get(adId) != LongIntMap.MISSING) {
            out.onReject(adId, RejectReason.DUPLICATE_ID);
        } else if (!Limits.validPrice(priceTicks)) {
            out.onReject(adId, RejectReason.INVALID_PRICE);
        } else if (!Limits.validAd(quantity, minFiat, maxFiat)) {
            out.onReject(adId, RejectReason.INVALID_QUANTITY);
        } else {
            int slot = allocate(adId, ownerId, side, BookSnapshot.KIND_AD, priceTicks, quantity, minFiat, maxFiat,
                    paymentMethods, minCompletedTrades);
            rest(slot);
        }
    }

    @Override
    public void placeLimit(long orderId, long ownerId, Side side, long priceTicks, long quantity, TimeInForce tif) {
        if (slotsById.get(orderId) != LongIntMap.MISSING) {
            out.onReject(orderId, RejectReason.DUPLICATE_ID);
            return;
        }
        if (!Limits.validPrice(priceTicks)) {
            out.onReject(orderId, RejectReason.INVALID_PRICE);
            return;
        }
        if (!Limits.validQuantity(quantity)) {
            out.onReject(orderId, RejectReason.INVALID_QUANTITY);
            return;
        }
        if (tif == TimeInForce.FOK && fillable(ownerId, side, priceTicks, quantity) < quantity) {
            out.onReject(orderId, RejectReason.NOT_FILLABLE);
            return;
        }
        long left = match(orderId, ownerId, side, priceTicks, quantity);
        if (left > 0) {
            if (tif == TimeInForce.GTC) {
                rest(allocate(orderId, ownerId, side, BookSnapshot.KIND_LIMIT, priceTicks, left, 0,
                        Limits.MAX_QUANTITY, Limits.ANY_PAYMENT_METHOD, 0));
            } else {
                out.onCancel(orderId, ownerId, left, CancelReason.UNFILLED_IOC);
            }
        }
    }

    @Override
    public void placeExpress(long orderId, long ownerId, Side side, long amount, boolean byFiat,
            long paymentMethods, int completedTrades, long limitTicks) {
        if (slotsById.get(orderId) != LongIntMap.MISSING) {
            out.onReject(orderId, RejectReason.DUPLICATE_ID);
            return;
        }
        if (!Limits.validQuantity(amount)) {
            out.onReject(orderId, RejectReason.INVALID_QUANTITY);
            return;
        }
        if (!Limits.validPrice(limitTicks)) {
            out.onReject(orderId, RejectReason.INVALID_PRICE);
            return;
        }
        PriceLadder book = ladder(side.opposite());
        for (long p = book.best(); p != Limits.NONE; p = book.after(p)) {
            if (!side.crosses(limitTicks, p)) {
                out.onReject(orderId, RejectReason.PRICE_LIMIT); // every later level is further beyond it
                return;
            }
            long priceMinor = p * tickMinor;
            long qty = byFiat ? Limits.quantityFor(amount, priceMinor) : amount;
            if (qty <= 0) {
                continue;
            }
            long fiat = Limits.fiatFor(qty, priceMinor);
            for (int s = book.head(p); s != NIL; s = next[s]) {
                if (fillsWhole(s, qty, fiat, ownerId, paymentMethods, completedTrades)) {
                    fill(orderId, ownerId, side, s, qty, fiat);
                    return;
                }
            }
        }
        out.onReject(orderId, RejectReason.NO_ELIGIBLE_AD);
    }

    @Override
    public void placeOnAd(long orderId, long ownerId, Side takerSide, long adId, long amount, boolean byFiat,
            long paymentMethods, int completedTrades, long limitTicks) {
        if (slotsById.get(orderId) != LongIntMap.MISSING) {
            out.onReject(orderId, RejectReason.DUPLICATE_ID);
            return;
        }
        if (!Limits.validQuantity(amount)) {
            out.onReject(orderId, RejectReason.INVALID_QUANTITY);
            return;
        }
        if (!Limits.validPrice(limitTicks)) {
            out.onReject(orderId, RejectReason.INVALID_PRICE);
            return;
        }
        int s = slotsById.get(adId);
        if (s == LongIntMap.MISSING || kind[s] != BookSnapshot.KIND_AD || side[s] != takerSide.opposite()) {
            out.onReject(orderId, RejectReason.AD_NOT_AVAILABLE);
            return;
        }
        if (owner[s] == ownerId) {
            out.onReject(orderId, RejectReason.OWN_AD);
            return;
        }
        if (!takerSide.crosses(limitTicks, price[s])) {
            out.onReject(orderId, RejectReason.PRICE_LIMIT);
            return;
        }
        long priceMinor = price[s] * tickMinor;
        long qty = byFiat ? Limits.quantityFor(amount, priceMinor) : amount;
        long fiat = Limits.fiatFor(qty, priceMinor);
        // An exhausted ad holds 0, so it fails here and is never filled off the book.
        if (qty > 0 && fillsWhole(s, qty, fiat, ownerId, paymentMethods, completedTrades)) {
            fill(orderId, ownerId, takerSide, s, qty, fiat);
        } else {
            out.onReject(orderId, RejectReason.AD_NOT_ELIGIBLE);
        }
    }

    @Override
    public void cancel(long orderId) {
        int slot = slotsById.get(orderId);
        if (slot == LongIntMap.MISSING) {
            out.onReject(orderId, RejectReason.UNKNOWN_ID);
        } else if (state[slot] == RESTING) {
            long left = remaining[slot];
            unlink(slot);
            out.onCancel(orderId, owner[slot], left, CancelReason.REQUESTED);
            release(slot);
        } else {
            unlinkExhausted(slot);
            out.onCancel(orderId, owner[slot], 0, CancelReason.REQUESTED);
            release(slot);
        }
    }

    @Override
    public void amend(long orderId, long newPriceTicks, long newQuantity) {
        int slot = slotsById.get(orderId);
        if (slot == LongIntMap.MISSING || state[slot] != RESTING) {
            out.onReject(orderId, RejectReason.UNKNOWN_ID);
            return;
        }
        if (!Limits.validPrice(newPriceTicks)) {
            out.onReject(orderId, RejectReason.INVALID_PRICE);
            return;
        }
        if (!Limits.validQuantity(newQuantity)) {
            out.onReject(orderId, RejectReason.INVALID_QUANTITY);
            return;
        }
        if (newPriceTicks == price[slot] && newQuantity <= remaining[slot]) {
            long total = ladder(side[slot]).adjust(price[slot], newQuantity - remaining[slot]);
            remaining[slot] = newQuantity;
            out.onBookChange(side[slot], price[slot], total);
            return;
        }
        unlink(slot);
        price[slot] = newPriceTicks;
        remaining[slot] = newQuantity;
        if (kind[slot] == BookSnapshot.KIND_LIMIT) {
            remaining[slot] = match(orderId, owner[slot], side[slot], newPriceTicks, newQuantity);
        }
        if (remaining[slot] > 0) {
            rest(slot);
        } else {
            release(slot);
        }
    }

    @Override
    public void amendPrice(long orderId, long newPriceTicks) {
        int slot = slotsById.get(orderId);
        if (slot == LongIntMap.MISSING) {
            out.onReject(orderId, RejectReason.UNKNOWN_ID);
        } else if (state[slot] == RESTING) {
            amend(orderId, newPriceTicks, remaining[slot]);
        } else if (!Limits.validPrice(newPriceTicks)) {
            out.onReject(orderId, RejectReason.INVALID_PRICE);
        } else {
            price[slot] = newPriceTicks;
        }
    }

    @Override
    public void restore(long adId, long quantity) {
        int slot = slotsById.get(adId);
        if (slot == LongIntMap.MISSING) {
            out.onReject(adId, RejectReason.UNKNOWN_ID);
        } else if (kind[slot] != BookSnapshot.KIND_AD) {
            out.onReject(adId, RejectReason.WRONG_ORDER_KIND);
        } else if (!Limits.validQuantity(quantity) || quantity > Limits.MAX_QUANTITY - remaining[slot]) {
            out.onReject(adId, RejectReason.INVALID_QUANTITY);
        } else if (state[slot] == EXHAUSTED) {
            unlinkExhausted(slot);
            remaining[slot] = quantity;
            rest(slot);
        } else {
            remaining[slot] += quantity;
            out.onBookChange(side[slot], price[slot], ladder(side[slot]).adjust(price[slot], quantity));
        }
    }

    @Override
    public long bestBid() {
        return bids.best();
    }

    @Override
    public long bestAsk() {
        return asks.best();
    }

    @Override
    public long quantityAt(Side side, long priceTicks) {
        return ladder(side).quantity(priceTicks);
    }

    @Override
    public int depth(Side side, int maxLevels, DepthListener sink) {
        PriceLadder book = ladder(side);
        int levels = 0;
        for (long p = book.best(); levels < maxLevels && p != Limits.NONE; p = book.after(p)) {
            long priceMinor = p * tickMinor;
            long quantity = 0;
            int ads = 0;
            for (int s = book.head(p); s != NIL; s = next[s]) {
                if (kind[s] == BookSnapshot.KIND_AD && Limits.fillableAd(remaining[s], priceMinor, minFiat[s])) {
                    quantity += remaining[s];
                    ads++;
                }
            }
            if (ads > 0) {
                sink.onLevel(p, quantity, ads);
                levels++;
            }
        }
        return levels;
    }

    @Override
    public boolean contains(long orderId) {
        return slotsById.get(orderId) != LongIntMap.MISSING;
    }

    @Override
    public int size() {
        return live;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        BookSnapshot.writeHeader(out, tickMinor, tradeSeq, live);
        for (PriceLadder book : new PriceLadder[] {bids, asks}) {
            for (long p = book.best(); p != Limits.NONE; p = book.after(p)) {
                for (int s = book.head(p); s != NIL; s = next[s]) {
                    write(out, s, false);
                }
            }
        }
        for (int s = exhaustedHead; s != NIL; s = next[s]) {
            write(out, s, true);
        }
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        BookSnapshot.Header header = BookSnapshot.readHeader(in).requireTick(tickMinor);
        bids.clearAll();
        asks.clearAll();
        slotsById.clear();
        Arrays.fill(state, FREE);
        freeHead = NIL;
        used = 0;
        live = 0;
        exhaustedHead = NIL;
        exhaustedTail = NIL;
        exhaustedCount = 0;
        tradeSeq = header.tradeSeq();
        for (int i = 0; i < header.count(); i++) {
            BookSnapshot.Entry e = BookSnapshot.readEntry(in);
            int slot = allocate(e.id(), e.ownerId(), e.side(), e.kind(), e.priceTicks(), e.remaining(), e.minFiat(),
                    e.maxFiat(), e.paymentMethods(), e.minCompletedTrades());
            if (e.exhausted()) {
                appendExhausted(slot);
            } else {
                state[slot] = RESTING;
                ladder(e.side()).append(e.priceTicks(), slot, e.remaining(), next, prev);
            }
        }
    }

    /** Takes liquidity up to {@code limit} for a limit taker; returns the quantity left unfilled. */
    private long match(long takerId, long takerOwner, Side takerSide, long limit, long quantity) {
        PriceLadder book = ladder(takerSide.opposite());
        long left = quantity;
        for (long p = book.best(); left > 0 && p != Limits.NONE && takerSide.crosses(limit, p); p = book.after(p)) {
            long priceMinor = p * tickMinor;
            int s = book.head(p);
            while (s != NIL && left > 0) {
                int following = next[s];
                long qty = fillQuantity(s, takerOwner, left, priceMinor);
                if (qty > 0) {
                    fill(takerId, takerOwner, takerSide, s, qty, Limits.fiatFor(qty, priceMinor));
                    left -= qty;
                }
                s = following;
            }
        }
        return left;
    }

    /** What {@link #match} would fill, changing nothing (for FOK). */
    private long fillable(long takerOwner, Side takerSide, long limit, long quantity) {
        PriceLadder book = ladder(takerSide.opposite());
        long filled = 0;
        for (long p = book.best(); filled < quantity && p != Limits.NONE && takerSide.crosses(limit, p);
                p = book.after(p)) {
            long priceMinor = p * tickMinor;
            for (int s = book.head(p); s != NIL && filled < quantity; s = next[s]) {
                filled += fillQuantity(s, takerOwner, quantity - filled, priceMinor);
            }
        }
        return filled;
    }

    /** The quantity a limit taker (any payment method, unconditioned) fills against maker {@code s}; 0 if none. */
    private long fillQuantity(int s, long takerOwner, long wanted, long priceMinor) {
        if (!eligible(s, takerOwner, Limits.ANY_PAYMENT_METHOD, Integer.MAX_VALUE)) {
            return 0;
        }
        long qty = Math.min(wanted, remaining[s]);
        long fiat = Limits.fiatFor(qty, priceMinor);
        if (fiat > maxFiat[s]) {
            qty = Math.min(qty, Limits.quantityFor(maxFiat[s], priceMinor));
            fiat = Limits.fiatFor(qty, priceMinor);
        }
        return qty > 0 && fiat >= minFiat[s] ? qty : 0;
    }

    /** Whether a taker with these conditions can take {@code qty} (positive, worth {@code fiat}) from {@code s}. */
    private boolean fillsWhole(int s, long qty, long fiat, long takerOwner, long takerMethods, int takerCompleted) {
        return qty <= remaining[s] && fiat >= minFiat[s] && fiat <= maxFiat[s]
                && eligible(s, takerOwner, takerMethods, takerCompleted);
    }

    private boolean eligible(int s, long takerOwner, long takerMethods, int takerCompleted) {
        return owner[s] != takerOwner && (methods[s] & takerMethods) != 0 && takerCompleted >= minCompleted[s];
    }

    private void fill(long takerId, long takerOwner, Side takerSide, int s, long qty, long fiat) {
        out.onTrade(++tradeSeq, takerId, takerOwner, id[s], owner[s], takerSide, price[s], qty, fiat);
        remaining[s] -= qty;
        PriceLadder book = ladder(side[s]);
        if (remaining[s] == 0) {
            long total = book.remove(price[s], s, qty, next, prev);
            out.onBookChange(side[s], price[s], total);
            if (kind[s] == BookSnapshot.KIND_AD) {
                appendExhausted(s);
                forgetOldestExhausted();
            } else {
                release(s);
            }
        } else {
            out.onBookChange(side[s], price[s], book.adjust(price[s], -qty));
        }
    }

    private void rest(int slot) {
        state[slot] = RESTING;
        long total = ladder(side[slot]).append(price[slot], slot, remaining[slot], next, prev);
        out.onBookChange(side[slot], price[slot], total);
    }

    /** Takes a resting order off its level (it stays in the pool) and reports the level's new total. */
    private void unlink(int slot) {
        long total = ladder(side[slot]).remove(price[slot], slot, remaining[slot], next, prev);
        state[slot] = FREE;
        out.onBookChange(side[slot], price[slot], total);
    }

    private void appendExhausted(int slot) {
        state[slot] = EXHAUSTED;
        next[slot] = NIL;
        prev[slot] = exhaustedTail;
        if (exhaustedTail == NIL) {
            exhaustedHead = slot;
        } else {
            next[exhaustedTail] = slot;
        }
        exhaustedTail = slot;
        exhaustedCount++;
    }

    /**
     * Keeps at most {@code exhaustedAdsKept} exhausted ads: the ones that ran out longest ago are forgotten
     * (a snapshot written before the bound may hold more; they go as the next ad runs out).
     */
    private void forgetOldestExhausted() {
        while (exhaustedCount > exhaustedAdsKept) {
            int slot = exhaustedHead;
            unlinkExhausted(slot);
            out.onAdForgotten(id[slot], owner[slot]);
            release(slot);
        }
    }

    private void unlinkExhausted(int slot) {
        int n = next[slot];
        int p = prev[slot];
        if (p == NIL) {
            exhaustedHead = n;
        } else {
            next[p] = n;
        }
        if (n == NIL) {
            exhaustedTail = p;
        } else {
            prev[n] = p;
        }
        state[slot] = FREE;
        exhaustedCount--;
    }

    private int allocate(long orderId, long ownerId, Side s, byte k, long p, long qty, long min, long max,
            long paymentMethods, int completed) {
        int slot;
        if (freeHead != NIL) {
            slot = freeHead;
            freeHead = next[slot];
        } else {
            if (used == id.length) {
                allocatePool(id.length * 2);
            }
            slot = used++;
        }
        id[slot] = orderId;
        owner[slot] = ownerId;
        side[slot] = s;
        kind[slot] = k;
        price[slot] = p;
        remaining[slot] = qty;
        minFiat[slot] = min;
        maxFiat[slot] = max;
        methods[slot] = paymentMethods;
        minCompleted[slot] = completed;
        slotsById.put(orderId, slot);
        live++;
        return slot;
    }

    private void release(int slot) {
        state[slot] = FREE;
        slotsById.remove(id[slot]);
        next[slot] = freeHead;
        freeHead = slot;
        live--;
    }

    private void allocatePool(int capacity) {
        int old = id == null ? 0 : id.length;
        id = grow(id, capacity);
        owner = grow(owner, capacity);
        price = grow(price, capacity);
        remaining = grow(remaining, capacity);
        minFiat = grow(minFiat, capacity);
        maxFiat = grow(maxFiat, capacity);
        methods = grow(methods, capacity);
        minCompleted = old == 0 ? new int[capacity] : Arrays.copyOf(minCompleted, capacity);
        next = old == 0 ? new int[capacity] : Arrays.copyOf(next, capacity);
        prev = old == 0 ? new int[capacity] : Arrays.copyOf(prev, capacity);
        side = old == 0 ? new Side[capacity] : Arrays.copyOf(side, capacity);
        kind = old == 0 ? new byte[capacity] : Arrays.copyOf(kind, capacity);
        state = old == 0 ? new byte[capacity] : Arrays.copyOf(state, capacity);
    }

    private static long[] grow(long[] array, int capacity) {
        return array == null ? new long[capacity] : Arrays.copyOf(array, capacity);
    }

    private void write(DataOutput out, int s, boolean exhausted) throws IOException {
        BookSnapshot.writeEntry(out, id[s], owner[s], side[s], kind[s], price[s], remaining[s], minFiat[s],
                maxFiat[s], methods[s], minCompleted[s], exhausted);
    }

    private PriceLadder ladder(Side s) {
        return s == Side.BUY ? bids : asks;
    }



}
