package com.c2c.matching.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The obviously-correct book: sorted maps of FIFO queues, one object per order. It is the oracle
 * the fast {@link LadderBook} is tested against and the baseline the benchmark compares it with.
 * It follows the same rules, step for step, as described on {@link OrderBook}.
 */
public final class TreeMapBook implements OrderBook {
    private static final class Order {
        final long id;
        final long owner;
        final Side side;
        final byte kind;
        long price;
        long remaining;
        final long minFiat;
        final long maxFiat;
        final long methods;
        final int minCompleted;

        Order(long id, long owner, Side side, byte kind, long price, long remaining, long minFiat, long maxFiat,
                long methods, int minCompleted) {
            this.id = id;
            this.owner = owner;
            this.side = side;
            this.kind = kind;
            this.price = price;
            this.remaining = remaining;
            this.minFiat = minFiat;
            this.maxFiat = maxFiat;
            this.methods = methods;
            this.minCompleted = minCompleted;
        }
    }

    private final long tickMinor;
    private final BookListener out;
    private final TreeMap<Long, ArrayDeque<Order>> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<Long, ArrayDeque<Order>> asks = new TreeMap<>();
    private final Map<Long, Order> resting = new HashMap<>();
    /** In the order they ran out. */
    private final Map<Long, Order> exhausted = new LinkedHashMap<>();
    private final int exhaustedAdsKept;
    private long tradeSeq;

    public TreeMapBook(long tickMinor, BookListener out) {
        this(tickMinor, out, Limits.EXHAUSTED_ADS_KEPT);
    }

    /** {@code exhaustedAdsKept}: {@link Limits#EXHAUSTED_ADS_KEPT} in the engine; tests use a few. */
    public TreeMapBook(long tickMinor, BookListener out, int exhaustedAdsKept) {
        if (tickMinor <= 0) {
            throw new IllegalArgumentException("tickMinor must be positive");
        }
        if (exhaustedAdsKept < 0) {
            throw new IllegalArgumentException("exhaustedAdsKept must not be negative");
        }
        this.tickMinor = tickMinor;
        this.out = out;
        this.exhaustedAdsKept = exhaustedAdsKept;
    }

    @Override
    public void postAd(long adId, long ownerId, Side side, long priceTicks, long quantity, long minFiat,
            long maxFiat, long paymentMethods, int minCompletedTrades) {
        if (known(adId)) {
            out.onReject(adId, RejectReason.DUPLICATE_ID);
        } else if (!Limits.validPrice(priceTicks)) {
            out.onReject(adId, RejectReason.INVALID_PRICE);
        } else if (!Limits.validAd(quantity, minFiat, maxFiat)) {
            out.onReject(adId, RejectReason.INVALID_QUANTITY);
        } else {
            rest(new Order(adId, ownerId, side, BookSnapshot.KIND_AD, priceTicks, quantity, minFiat, maxFiat,
                    paymentMethods, minCompletedTrades));
        }
    }

    @Override
    public void placeLimit(long orderId, long ownerId, Side side, long priceTicks, long quantity, TimeInForce tif) {
        if (known(orderId)) {
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
        Order taker = limitOrder(orderId, ownerId, side, priceTicks, quantity);
        if (tif == TimeInForce.FOK && fillable(taker) < quantity) {
            out.onReject(orderId, RejectReason.NOT_FILLABLE);
            return;
        }
        match(taker);
        if (taker.remaining > 0) {
            if (tif == TimeInForce.GTC) {
                rest(taker);
            } else {
                out.onCancel(orderId, ownerId, taker.remaining, CancelReason.UNFILLED_IOC);
            }
        }
    }

    @Override
    public void placeExpress(long orderId, long ownerId, Side side, long amount, boolean byFiat,
            long paymentMethods, int completedTrades, long limitTicks) {
        if (known(orderId)) {
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
        for (Map.Entry<Long, ArrayDeque<Order>> level : bookOf(side.opposite()).entrySet()) {
            if (!side.crosses(limitTicks, level.getKey())) {
                out.onReject(orderId, RejectReason.PRICE_LIMIT);
                return;
            }
            long priceMinor = level.getKey() * tickMinor;
            long qty = byFiat ? Limits.quantityFor(amount, priceMinor) : amount;
            long fiat = Limits.fiatFor(qty, priceMinor);
            for (Order maker : level.getValue()) {
                if (fillsWhole(maker, qty, fiat, ownerId, paymentMethods, completedTrades)) {
                    fill(orderId, ownerId, side, maker, qty, fiat);
                    return;
                }
            }
        }
        out.onReject(orderId, RejectReason.NO_ELIGIBLE_AD);
    }

    @Override
    public void placeOnAd(long orderId, long ownerId, Side side, long adId, long amount, boolean byFiat,
            long paymentMethods, int completedTrades, long limitTicks) {
        if (known(orderId)) {
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
        Order ad = resting.get(adId);
        if (ad == null) {
            ad = exhausted.get(adId);
        }
        if (ad == null || ad.kind != BookSnapshot.KIND_AD || ad.side != side.opposite()) {
            out.onReject(orderId, RejectReason.AD_NOT_AVAILABLE);
            return;
        }
        if (ad.owner == ownerId) {
            out.onReject(orderId, RejectReason.OWN_AD);
            return;
        }
        if (!side.crosses(limitTicks, ad.price)) {
            out.onReject(orderId, RejectReason.PRICE_LIMIT);
            return;
        }
        long priceMinor = ad.price * tickMinor;
        long qty = byFiat ? Limits.quantityFor(amount, priceMinor) : amount;
        long fiat = Limits.fiatFor(qty, priceMinor);
        if (fillsWhole(ad, qty, fiat, ownerId, paymentMethods, completedTrades)) {
            fill(orderId, ownerId, side, ad, qty, fiat);
        } else {
            out.onReject(orderId, RejectReason.AD_NOT_ELIGIBLE);
        }
    }

    @Override
    public void cancel(long orderId) {
        Order order = resting.get(orderId);
        if (order != null) {
            unlink(order);
            out.onCancel(orderId, order.owner, order.remaining, CancelReason.REQUESTED);
            return;
        }
        Order ad = exhausted.remove(orderId);
        if (ad != null) {
            out.onCancel(orderId, ad.owner, 0, CancelReason.REQUESTED);
        } else {
            out.onReject(orderId, RejectReason.UNKNOWN_ID);
        }
    }

    @Override
    public void amend(long orderId, long newPriceTicks, long newQuantity) {
        Order order = resting.get(orderId);
        if (order == null) {
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
        if (newPriceTicks == order.price && newQuantity <= order.remaining) {
            order.remaining = newQuantity;
            out.onBookChange(order.side, order.price, levelTotal(order.side, order.price));
            return;
        }
        unlink(order);
        order.price = newPriceTicks;
        order.remaining = newQuantity;
        if (order.kind == BookSnapshot.KIND_LIMIT) {
            match(order);
        }
        if (order.remaining > 0) {
            rest(order);
        }
    }

    @Override
    public void amendPrice(long orderId, long newPriceTicks) {
        Order order = resting.get(orderId);
        if (order != null) {
            amend(orderId, newPriceTicks, order.remaining);
            return;
        }
        Order ad = exhausted.get(orderId);
        if (ad == null) {
            out.onReject(orderId, RejectReason.UNKNOWN_ID);
        } else if (!Limits.validPrice(newPriceTicks)) {
            out.onReject(orderId, RejectReason.INVALID_PRICE);
        } else {
            ad.price = newPriceTicks;
        }
    }

    @Override
    public void restore(long adId, long quantity) {
        Order ad = resting.get(adId);
        if (ad == null) {
            ad = exhausted.get(adId);
        }
        if (ad == null) {
            out.onReject(adId, RejectReason.UNKNOWN_ID);
        } else if (ad.kind != BookSnapshot.KIND_AD) {
            out.onReject(adId, RejectReason.WRONG_ORDER_KIND);
        } else if (!Limits.validQuantity(quantity) || quantity > Limits.MAX_QUANTITY - ad.remaining) {
            out.onReject(adId, RejectReason.INVALID_QUANTITY);
        } else if (exhausted.remove(adId) != null) {
            ad.remaining = quantity;
            rest(ad);
        } else {
            ad.remaining += quantity;
            out.onBookChange(ad.side, ad.price, levelTotal(ad.side, ad.price));
        }
    }

    @Override
    public long bestBid() {
        return bids.isEmpty() ? Limits.NONE : bids.firstKey();
    }

    @Override
    public long bestAsk() {
        return asks.isEmpty() ? Limits.NONE : asks.firstKey();
    }

    @Override
    public long quantityAt(Side side, long priceTicks) {
        return levelTotal(side, priceTicks);
    }

    @Override
    public int depth(Side side, int maxLevels, DepthListener sink) {
        int levels = 0;
        for (Map.Entry<Long, ArrayDeque<Order>> level : bookOf(side).entrySet()) {
            if (levels >= maxLevels) {
                break;
            }
            long priceMinor = level.getKey() * tickMinor;
            long quantity = 0;
            int ads = 0;
            for (Order o : level.getValue()) {
                if (o.kind == BookSnapshot.KIND_AD && Limits.fillableAd(o.remaining, priceMinor, o.minFiat)) {
                    quantity += o.remaining;
                    ads++;
                }
            }
            if (ads > 0) {
                sink.onLevel(level.getKey(), quantity, ads);
                levels++;
            }
        }
        return levels;
    }

    @Override
    public boolean contains(long orderId) {
        return known(orderId);
    }

    @Override
    public int size() {
        return resting.size() + exhausted.size();
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        BookSnapshot.writeHeader(out, tickMinor, tradeSeq, size());
        for (NavigableMap<Long, ArrayDeque<Order>> book : List.of(bids, asks)) {
            for (ArrayDeque<Order> level : book.values()) {
                for (Order o : level) {
                    write(out, o, false);
                }
            }
        }
        for (Order o : exhausted.values()) {
            write(out, o, true);
        }
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        BookSnapshot.Header header = BookSnapshot.readHeader(in).requireTick(tickMinor);
        bids.clear();
        asks.clear();
        resting.clear();
        exhausted.clear();
        tradeSeq = header.tradeSeq();
        for (int i = 0; i < header.count(); i++) {
            BookSnapshot.Entry e = BookSnapshot.readEntry(in);
            Order o = new Order(e.id(), e.ownerId(), e.side(), e.kind(), e.priceTicks(), e.remaining(), e.minFiat(),
                    e.maxFiat(), e.paymentMethods(), e.minCompletedTrades());
            if (e.exhausted()) {
                exhausted.put(o.id, o);
            } else {
                bookOf(o.side).computeIfAbsent(o.price, p -> new ArrayDeque<>()).addLast(o);
                resting.put(o.id, o);
            }
        }
    }

    /** Takes liquidity for a limit order (new or moved) up to its price. */
    private void match(Order taker) {
        NavigableMap<Long, ArrayDeque<Order>> book = bookOf(taker.side.opposite());
        Long price = book.isEmpty() ? null : book.firstKey();
        while (taker.remaining > 0 && price != null && taker.side.crosses(taker.price, price)) {
            long priceMinor = price * tickMinor;
            ArrayDeque<Order> level = book.get(price);
            for (Order maker : new ArrayList<>(level)) {
                if (taker.remaining == 0) {
                    break;
                }
                long qty = fillQuantity(taker, maker, priceMinor);
                if (qty > 0) {
                    fill(taker.id, taker.owner, taker.side, maker, qty, Limits.fiatFor(qty, priceMinor));
                    taker.remaining -= qty;
                }
            }
            price = book.higherKey(price);
        }
    }

    /** What a match would fill, without changing anything (for FOK). */
    private long fillable(Order taker) {
        long need = taker.remaining;
        long filled = 0;
        for (Map.Entry<Long, ArrayDeque<Order>> level : bookOf(taker.side.opposite()).entrySet()) {
            if (filled == need || !taker.side.crosses(taker.price, level.getKey())) {
                break;
            }
            long priceMinor = level.getKey() * tickMinor;
            for (Order maker : level.getValue()) {
                if (filled == need) {
                    break;
                }
                taker.remaining = need - filled;
                filled += fillQuantity(taker, maker, priceMinor);
            }
        }
        taker.remaining = need;
        return filled;
    }

    /** The quantity a limit taker (any payment method, unconditioned) fills against this maker: 0 if none. */
    private static long fillQuantity(Order taker, Order maker, long priceMinor) {
        if (!eligible(maker, taker.owner, Limits.ANY_PAYMENT_METHOD, Integer.MAX_VALUE)) {
            return 0;
        }
        long qty = Math.min(taker.remaining, maker.remaining);
        long fiat = Limits.fiatFor(qty, priceMinor);
        if (fiat > maker.maxFiat) {
            qty = Math.min(qty, Limits.quantityFor(maker.maxFiat, priceMinor));
            fiat = Limits.fiatFor(qty, priceMinor);
        }
        return qty > 0 && fiat >= maker.minFiat ? qty : 0;
    }

    /** Whether a taker with these conditions can take {@code qty} (worth {@code fiat}) from this maker in one fill. */
    private static boolean fillsWhole(Order maker, long qty, long fiat, long takerOwner, long takerMethods,
            int takerCompleted) {
        return qty > 0 && qty <= maker.remaining && fiat >= maker.minFiat && fiat <= maker.maxFiat
                && eligible(maker, takerOwner, takerMethods, takerCompleted);
    }

    private static boolean eligible(Order maker, long takerOwner, long takerMethods, int takerCompleted) {
        return maker.owner != takerOwner && (maker.methods & takerMethods) != 0 && takerCompleted >= maker.minCompleted;
    }

    private void fill(long takerId, long takerOwner, Side takerSide, Order maker, long qty, long fiat) {
        out.onTrade(++tradeSeq, takerId, takerOwner, maker.id, maker.owner, takerSide, maker.price, qty, fiat);
        maker.remaining -= qty;
        if (maker.remaining == 0) {
            unlink(maker);
            if (maker.kind == BookSnapshot.KIND_AD) {
                exhausted.put(maker.id, maker);
                while (exhausted.size() > exhaustedAdsKept) {
                    Order oldest = exhausted.values().iterator().next();
                    exhausted.remove(oldest.id);
                    out.onAdForgotten(oldest.id, oldest.owner);
                }
            }
        } else {
            out.onBookChange(maker.side, maker.price, levelTotal(maker.side, maker.price));
        }
    }

    private void rest(Order order) {
        bookOf(order.side).computeIfAbsent(order.price, p -> new ArrayDeque<>()).addLast(order);
        resting.put(order.id, order);
        out.onBookChange(order.side, order.price, levelTotal(order.side, order.price));
    }

    /** Removes a resting order from its level and reports the level's new total. */
    private void unlink(Order order) {
        NavigableMap<Long, ArrayDeque<Order>> book = bookOf(order.side);
        ArrayDeque<Order> level = book.get(order.price);
        level.remove(order);
        if (level.isEmpty()) {
            book.remove(order.price);
        }
        resting.remove(order.id);
        out.onBookChange(order.side, order.price, levelTotal(order.side, order.price));
    }

    private long levelTotal(Side side, long price) {
        ArrayDeque<Order> level = bookOf(side).get(price);
        long total = 0;
        if (level != null) {
            for (Order o : level) {
                total += o.remaining;
            }
        }
        return total;
    }


    private NavigableMap<Long, ArrayDeque<Order>> bookOf(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    private boolean known(long id) {
        return resting.containsKey(id) || exhausted.containsKey(id);
    }

    private static Order limitOrder(long id, long owner, Side side, long price, long qty) {
        return new Order(id, owner, side, BookSnapshot.KIND_LIMIT, price, qty, 0, Limits.MAX_QUANTITY,
                Limits.ANY_PAYMENT_METHOD, 0);
    }



    private static void write(DataOutput out, Order o, boolean exhausted) throws IOException {
        BookSnapshot.writeEntry(out, o.id, o.owner, o.side, o.kind, o.price, o.remaining, o.minFiat, o.maxFiat,
                o.methods, o.minCompleted, exhausted);
    }
}
