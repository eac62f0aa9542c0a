package com.c2c.matching.book;

import com.c2c.events.EventTypes;
import com.c2c.events.PaymentMethod;
import com.c2c.events.Topics;
import com.c2c.events.matching.BookQuantityCancelled;
import com.c2c.events.matching.OrderRejected;
import com.c2c.events.matching.TradeMatched;
import com.c2c.matching.engine.BookListener;
import com.c2c.matching.engine.BookSnapshot;
import com.c2c.matching.engine.CancelReason;
import com.c2c.matching.engine.LadderBook;
import com.c2c.matching.engine.Limits;
import com.c2c.matching.engine.OrderBook;
import com.c2c.matching.engine.RejectReason;
import com.c2c.matching.engine.Side;
import com.c2c.platform.messaging.outbox.Outbox.NewEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One market's engine book with the service's vocabulary around it: public UUIDs and user ids ↔
 * engine numbers, fiat prices ↔ ticks, and engine outputs → outbox events. Every output's event id
 * is derived from the input event and its position among that input's outputs, and trade ids from
 * the market, the book's trade sequence and the input event, so replaying inputs reproduces the same
 * ids and a rebuilt engine never repeats one.
 */
final class MarketBook implements BookListener {
    /** Engine ids count from 1, so 0 names nothing: the book rejects it as it rejects any unknown id. */
    private static final long NO_ORDER = 0;

    private final String market;
    private final long tickMinor;
    private final OwnerDirectory owners;
    private final OrderBook book;
    private final Map<UUID, Long> engineIds = new HashMap<>();
    private final Map<Long, UUID> publicIds = new HashMap<>();
    /** The owner id of each engine id above: the reference it holds in the directory. */
    private final Map<Long, Long> ownerIds = new HashMap<>();
    /** Ids the current command may have taken off the book for good (checked by {@link #settle}). */
    private final List<Long> touched = new ArrayList<>();
    private long nextEngineId = 1;

    private List<NewEvent> outputs;
    private String inputId;
    private String inputType;
    private int outputIndex;

    MarketBook(String market, long tickMinor, OwnerDirectory owners) {
        this(market, tickMinor, owners, Limits.EXHAUSTED_ADS_KEPT);
    }

    /** {@code exhaustedAdsKept}: {@link Limits#EXHAUSTED_ADS_KEPT} in the engine; tests use a few. */
    MarketBook(String market, long tickMinor, OwnerDirectory owners, int exhaustedAdsKept) {
        this.market = market;
        this.tickMinor = tickMinor;
        this.owners = owners;
        this.book = new LadderBook(tickMinor, this, 1024, exhaustedAdsKept);
    }

    String market() {
        return market;
    }

    /** Directs the outputs of the next commands, named after the input event that causes them. */
    void beginInput(String inputEventId, String inputType, List<NewEvent> sink) {
        this.inputId = inputEventId;
        this.inputType = inputType;
        this.outputIndex = 0;
        this.outputs = sink;
    }

    void listAd(UUID adId, String owner, Side side, long priceMinor, long quantity, long minFiat, long maxFiat,
            Collection<PaymentMethod> methods, int minCompletedTrades) {
        if (engineIds.containsKey(adId)) {
            reject(adId, RejectReason.DUPLICATE_ID.name(), "this ad is already on the book");
            return;
        }
        if (!onTick(adId, priceMinor)) {
            return;
        }
        long id = assign(adId, owner);
        book.postAd(id, ownerIds.get(id), side, priceMinor / tickMinor, quantity, minFiat, maxFiat,
                PaymentMethod.mask(methods), minCompletedTrades);
        settle();
    }

    void placeLimit(UUID orderId, String owner, Side side, long priceMinor, long quantity,
            com.c2c.matching.engine.TimeInForce tif) {
        if (engineIds.containsKey(orderId)) {
            reject(orderId, RejectReason.DUPLICATE_ID.name(), "an order with this id is already on the book");
            return;
        }
        if (!onTick(orderId, priceMinor)) {
            return;
        }
        long id = assign(orderId, owner);
        book.placeLimit(id, ownerIds.get(id), side, priceMinor / tickMinor, quantity, tif);
        settle();
    }

    /** {@code limitMinor}: the taker's price limit in fiat minor units, null for none (see {@link #limitTicks}). */
    void placeExpress(UUID orderId, String owner, Side side, long amount, boolean byFiat,
            Collection<PaymentMethod> methods, int completedTrades, Long limitMinor) {
        if (engineIds.containsKey(orderId)) {
            reject(orderId, RejectReason.DUPLICATE_ID.name(), "an order with this id is already on the book");
            return;
        }
        long id = assign(orderId, owner);
        book.placeExpress(id, ownerIds.get(id), side, amount, byFiat, PaymentMethod.mask(methods),
                completedTrades, limitTicks(side, limitMinor));
        settle();
    }

    /** An order on the ad the taker chose; an ad the book does not know goes in as an id no order has. */
    void placeOnAd(UUID orderId, String owner, Side side, UUID adId, long amount, boolean byFiat,
            Collection<PaymentMethod> methods, int completedTrades, Long limitMinor) {
        if (engineIds.containsKey(orderId)) {
            reject(orderId, RejectReason.DUPLICATE_ID.name(), "an order with this id is already on the book");
            return;
        }
        long ad = engineIds.getOrDefault(adId, NO_ORDER);
        long id = assign(orderId, owner);
        book.placeOnAd(id, ownerIds.get(id), side, ad, amount, byFiat, PaymentMethod.mask(methods),
                completedTrades, limitTicks(side, limitMinor));
        settle();
    }

    /**
     * A taker's price limit in ticks, rounded to the taker's safe side when it is not on the tick (a BUY's
     * "at most 7.23" is at most 7.20 at a 0.05 tick, a SELL's "at least 7.23" at least 7.25). A BUY limit
     * above the highest price the book takes is no limit; a limit no price can meet (a BUY below one tick,
     * a SELL above the highest price, or not positive) goes on as it is and the book refuses it as
     * INVALID_PRICE. Null: no limit.
     */
    long limitTicks(Side side, Long limitMinor) {
        if (limitMinor == null) {
            return Limits.noPriceLimit(side);
        }
        long minor = Math.max(limitMinor, 0);
        return side == Side.BUY ? Math.min(minor / tickMinor, Limits.MAX_PRICE_TICKS) : Math.ceilDiv(minor, tickMinor);
    }

    void amend(UUID orderId, long priceMinor, long quantity) {
        Long id = known(orderId);
        if (id != null && onTick(orderId, priceMinor)) {
            book.amend(id, priceMinor / tickMinor, quantity);
            settle();
        }
    }

    /** Moves an order or ad to a new price and keeps the quantity the book holds for it. */
    void amendPrice(UUID orderId, long priceMinor) {
        Long id = known(orderId);
        if (id != null && onTick(orderId, priceMinor)) {
            book.amendPrice(id, priceMinor / tickMinor);
            settle();
        }
    }

    void cancel(UUID orderId) {
        Long id = known(orderId);
        if (id != null) {
            book.cancel(id);
            settle();
        }
    }

    void restore(UUID adId, long quantity) {
        Long id = known(adId);
        if (id != null) {
            book.restore(id, quantity);
            settle();
        }
    }

    int size() {
        return book.size();
    }

    /** The book's best {@code levels} levels per side (prices in fiat minor units), as of {@code input}. */
    BookDepth depth(int levels, BookDepth.EngineInput input) {
        List<BookDepth.Level> asks = new ArrayList<>();
        List<BookDepth.Level> bids = new ArrayList<>();
        book.depth(Side.SELL, levels, (price, quantity, ads) -> asks.add(new BookDepth.Level(price * tickMinor,
                quantity, ads)));
        book.depth(Side.BUY, levels, (price, quantity, ads) -> bids.add(new BookDepth.Level(price * tickMinor,
                quantity, ads)));
        return new BookDepth(market, asks, bids, input);
    }

    @Override
    public void onTrade(long tradeSeq, long takerOrderId, long takerOwnerId, long makerOrderId, long makerOwnerId,
            Side takerSide, long priceTicks, long quantity, long fiatAmount) {
        String taker = owners.nameOf(takerOwnerId);
        String maker = owners.nameOf(makerOwnerId);
        UUID tradeId = tradeId(market, tradeSeq, inputId);
        TradeMatched trade = new TradeMatched(tradeId, market, tradeSeq, publicIds.get(takerOrderId), taker,
                publicIds.get(makerOrderId), maker, takerSide == Side.BUY ? taker : maker,
                takerSide == Side.BUY ? maker : taker, priceTicks * tickMinor, quantity, fiatAmount);
        emit(EventTypes.TRADE_MATCHED, tradeId.toString(), trade);
        touched.add(makerOrderId);
    }

    /**
     * A trade's id: a name-based UUID of the market, the book's trade sequence and the id of the input
     * event that caused the trade. A replay of the same input log gives the same id; an engine rebuilt
     * on an empty or new input topic restarts its sequences, but its inputs are other events (each
     * CloudEvent id is a random UUID given once by its producer), so it never repeats an id (ADR 0004).
     */
    static UUID tradeId(String market, long tradeSeq, String inputEventId) {
        return UUID.nameUUIDFromBytes((market + ":trade:" + tradeSeq + ":input:" + inputEventId)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void onReject(long orderId, RejectReason reason) {
        reject(publicIds.get(orderId), reason.name(), RejectMessages.of(reason));
    }

    @Override
    public void onCancel(long orderId, long ownerId, long cancelledQuantity, CancelReason reason) {
        UUID id = publicIds.get(orderId);
        emit(EventTypes.BOOK_QUANTITY_CANCELLED, id.toString(),
                new BookQuantityCancelled(id, market, owners.nameOf(ownerId), cancelledQuantity, reason.name()));
    }

    @Override
    public void onAdForgotten(long adId, long ownerId) {
        touched.add(adId); // settle forgets its ids and its owner's reference
    }

    @Override
    public void onBookChange(Side side, long priceTicks, long levelQuantity) {
        // Depth is taken from the book after each batch (see depth); level changes are not published one by one.
    }

    void write(DataOutput out) throws IOException {
        out.writeUTF(market);
        out.writeLong(tickMinor);
        out.writeLong(nextEngineId);
        out.writeInt(publicIds.size());
        for (Map.Entry<Long, UUID> e : new java.util.TreeMap<>(publicIds).entrySet()) { // one order, whatever the map's history
            out.writeLong(e.getKey());
            out.writeLong(e.getValue().getMostSignificantBits());
            out.writeLong(e.getValue().getLeastSignificantBits());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        book.writeSnapshot(new DataOutputStream(bytes));
        out.writeInt(bytes.size());
        out.write(bytes.toByteArray());
    }

    /**
     * Reads a book written by {@link #write}. Its owners' references are counted from the book's records,
     * and ids the book does not hold are dropped: snapshots from before this rule kept the ids of cancelled
     * orders, which made a later listing under the same id (a paused ad resumed) a DUPLICATE_ID.
     */
    static MarketBook read(DataInput in, OwnerDirectory owners, int exhaustedAdsKept) throws IOException {
        MarketBook m = new MarketBook(in.readUTF(), in.readLong(), owners, exhaustedAdsKept);
        m.nextEngineId = in.readLong();
        Map<Long, UUID> ids = new HashMap<>();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            ids.put(in.readLong(), new UUID(in.readLong(), in.readLong()));
        }
        byte[] snapshot = new byte[in.readInt()];
        in.readFully(snapshot);
        m.book.readSnapshot(new DataInputStream(new ByteArrayInputStream(snapshot)));
        for (BookSnapshot.Entry e : BookSnapshot.entries(new DataInputStream(new ByteArrayInputStream(snapshot)))) {
            UUID publicId = ids.get(e.id());
            if (publicId == null) {
                throw new IOException("book " + m.market + " holds engine id " + e.id() + " without a public id");
            }
            m.engineIds.put(publicId, e.id());
            m.publicIds.put(e.id(), publicId);
            m.ownerIds.put(e.id(), e.ownerId());
            owners.restoreReference(e.ownerId());
        }
        return m;
    }

    /** Rejects a command about an order the book never had (or no longer has). */
    void rejectUnknown(UUID orderId) {
        reject(orderId, RejectReason.UNKNOWN_ID.name(), RejectMessages.of(RejectReason.UNKNOWN_ID));
    }

    /** The engine id of a live order or ad (a command about it may take it off the book), else rejects. */
    private Long known(UUID orderId) {
        Long id = engineIds.get(orderId);
        if (id == null) {
            rejectUnknown(orderId);
        } else {
            touched.add(id);
        }
        return id;
    }

    private boolean onTick(UUID orderId, long priceMinor) {
        if (priceMinor <= 0 || priceMinor % tickMinor != 0) {
            reject(orderId, "PRICE_NOT_ON_TICK", "the price must be a positive multiple of the market's tick");
            return false;
        }
        return true;
    }

    private long assign(UUID publicId, String owner) {
        long id = nextEngineId++;
        engineIds.put(publicId, id);
        publicIds.put(id, publicId);
        ownerIds.put(id, owners.acquire(owner));
        touched.add(id);
        return id;
    }

    /**
     * Forgets the numbers of orders the last command took off the book for good (filled, cancelled, a
     * taker that never rested, an exhausted ad the book stopped keeping), and their owners' references.
     */
    private void settle() {
        for (Long id : touched) {
            if (!book.contains(id)) {
                UUID publicId = publicIds.remove(id);
                if (publicId != null) {
                    engineIds.remove(publicId);
                    owners.release(ownerIds.remove(id));
                }
            }
        }
        touched.clear();
    }

    /** Orders and ads this book knows by id: the live ones, resting or exhausted. */
    int knownIds() {
        return engineIds.size();
    }

    private void reject(UUID orderId, String reason, String message) {
        emit(EventTypes.ORDER_REJECTED, String.valueOf(orderId),
                new OrderRejected(orderId, market, reason, message, inputType));
    }

    private void emit(String type, String subject, Object data) {
        UUID eventId = UUID.nameUUIDFromBytes((inputId + "#" + outputIndex++).getBytes(StandardCharsets.UTF_8));
        outputs.add(new NewEvent(eventId, Topics.MATCHING_EVENTS, market, type, subject, data));
    }
}
