package com.c2c.matching.book;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.events.matching.OrderRejected;
import com.c2c.events.order.AdAmended;
import com.c2c.events.order.AdListed;
import com.c2c.events.order.AdQuantityRestored;
import com.c2c.events.order.AdWithdrawn;
import com.c2c.events.order.OrderCancelRequested;
import com.c2c.events.order.OrderPlaced;
import com.c2c.matching.engine.Limits;
import com.c2c.matching.engine.Side;
import com.c2c.matching.engine.TimeInForce;
import com.c2c.platform.messaging.outbox.Outbox.NewEvent;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Everything the engine holds in memory: the books by market, the owner directory, recent input ids
 * and the next input offset per partition. It applies one input event at a time and can be written
 * to and rebuilt from a snapshot, which with the offsets is all a restart needs.
 */
final class BookState {
    /** 2: the owner directory with its ids (owners are forgotten with their last order); 1 is still read. */
    private static final int SNAPSHOT_VERSION = 2;
    /** The rejection of an input that names its order or ad but that the book cannot take as it is. */
    static final String INVALID_INPUT = "INVALID_INPUT";

    /** An input type of the book: its payload class and the field naming the order or ad it is about. */
    private record Input(Class<?> payload, String idField) {
    }

    private static final Map<String, Input> INPUTS = Map.of(
            EventTypes.AD_LISTED, new Input(AdListed.class, "adId"),
            EventTypes.AD_AMENDED, new Input(AdAmended.class, "adId"),
            EventTypes.AD_WITHDRAWN, new Input(AdWithdrawn.class, "adId"),
            EventTypes.AD_QUANTITY_RESTORED, new Input(AdQuantityRestored.class, "adId"),
            EventTypes.ORDER_PLACED, new Input(OrderPlaced.class, "orderId"),
            EventTypes.ORDER_CANCEL_REQUESTED, new Input(OrderCancelRequested.class, "orderId"));

    /** Events on the input topic that are not for the book (an ad before its funding). */
    private static final Set<String> NOT_FOR_THE_BOOK = Set.of(EventTypes.AD_POSTED);

    private final ObjectMapper json;
    private final MarketTicks tickOfMarket;
    private final OwnerDirectory owners = new OwnerDirectory();
    private final Map<String, MarketBook> books = new TreeMap<>();
    private final Map<Integer, Long> nextOffsets = new TreeMap<>();
    private final RecentIds recent;
    private final int exhaustedAdsKept;
    /** Markets whose book an input reached since depths were last taken. */
    private final Set<String> touched = new TreeSet<>();
    private long inputs;
    private int inputPartition;
    private long inputOffset;
    /** The CloudEvent type of the input being applied: a refusal names it, so its producer knows what was refused. */
    private String inputType;

    /** The market registry as the input log saw it: a market's tick, or empty if it was not open at that input. */
    @FunctionalInterface
    interface MarketTicks {
        OptionalLong tickAt(String market, int partition, long offset);
    }

    BookState(ObjectMapper json, MarketTicks tickOfMarket, int recentIds) {
        this(json, tickOfMarket, recentIds, Limits.EXHAUSTED_ADS_KEPT);
    }

    /** {@code exhaustedAdsKept}: {@link Limits#EXHAUSTED_ADS_KEPT} in the engine; tests use a few. */
    BookState(ObjectMapper json, MarketTicks tickOfMarket, int recentIds, int exhaustedAdsKept) {
        this.json = json;
        this.tickOfMarket = tickOfMarket;
        this.recent = new RecentIds(recentIds);
        this.exhaustedAdsKept = exhaustedAdsKept;
    }

    /** Owners the directory holds: those with a live order or ad. */
    int owners() {
        return owners.size();
    }

    /** Orders and ads the market's book knows by id (resting, or exhausted and kept); 0 without a book. */
    int knownIds(String market) {
        MarketBook book = books.get(market);
        return book == null ? 0 : book.knownIds();
    }

    Map<Integer, Long> nextOffsets() {
        return nextOffsets;
    }

    long inputs() {
        return inputs;
    }

    /** Where the engine is now: the inputs applied and the last offset read per partition. */
    BookDepth.EngineInput position() {
        TreeMap<Integer, Long> last = new TreeMap<>();
        nextOffsets.forEach((partition, next) -> last.put(partition, next - 1));
        return new BookDepth.EngineInput(inputs, last, Instant.now());
    }

    /** The depth of every market an input reached since the last call, as of {@code position}. */
    List<BookDepth> takeTouchedDepths(int levels, BookDepth.EngineInput position) {
        List<BookDepth> depths = depthsOf(touched, levels, position);
        touched.clear();
        return depths;
    }

    /** The depth of every market that has a book, as of {@code position}. */
    List<BookDepth> allDepths(int levels, BookDepth.EngineInput position) {
        touched.clear();
        return depthsOf(books.keySet(), levels, position);
    }

    private List<BookDepth> depthsOf(Collection<String> markets, int levels, BookDepth.EngineInput position) {
        List<BookDepth> depths = new ArrayList<>(markets.size());
        for (String market : markets) {
            depths.add(books.get(market).depth(levels, position));
        }
        return depths;
    }

    /**
     * Applies one input record, appending what it causes to {@code out}; or, for a record the engine
     * cannot apply and cannot answer with a rejection, returns why (it is dead-lettered) and changes
     * nothing but the input position. What it decides depends only on the record (and the market
     * registry as of the record's offset), so a replay decides the same. A record readable enough to
     * name its order or ad but invalid for the book is rejected ({@code INVALID_INPUT}): its owner's
     * funds are released like for any other rejection.
     */
    PoisonInput apply(int partition, long offset, String eventId, String type, String value, List<NewEvent> out) {
        nextOffsets.put(partition, offset + 1);
        inputs++;
        inputPartition = partition;
        inputOffset = offset;
        if (eventId == null || type == null) {
            return new PoisonInput(PoisonInput.UNREADABLE, "no CloudEvent id or type header", PoisonInput.CHECK);
        }
        if (NOT_FOR_THE_BOOK.contains(type)) {
            return null;
        }
        inputType = type;
        Input input = INPUTS.get(type);
        if (input == null) {
            return new PoisonInput(PoisonInput.UNKNOWN_TYPE, "event type " + type + " is not an input of the book",
                    PoisonInput.CHECK);
        }
        JsonNode tree;
        try {
            tree = value == null ? null : json.readTree(value);
        } catch (IOException e) {
            return new PoisonInput(PoisonInput.UNREADABLE, "the value is not JSON", e.getClass().getName());
        }
        if (tree == null || !tree.isObject()) {
            return new PoisonInput(PoisonInput.UNREADABLE, "the value is not a JSON object", PoisonInput.CHECK);
        }
        UUID subject = uuid(tree.get(input.idField()));
        if (subject == null) {
            return new PoisonInput(PoisonInput.INVALID, input.idField() + " is missing or not a UUID",
                    PoisonInput.CHECK);
        }
        if (!recent.add(eventId)) {
            return null; // delivered again: applied (or rejected) already
        }
        Object event;
        try {
            event = json.treeToValue(tree, input.payload());
        } catch (IOException | IllegalArgumentException e) {
            out.add(invalid(eventId, subject, tree, "a field is missing or has a value this engine does not know"
                    + fieldOf(e)));
            return null;
        }
        String problem = InputCheck.problemOf(event);
        if (problem != null) {
            out.add(invalid(eventId, subject, tree, problem));
            return null;
        }
        switch (event) {
            case AdListed e -> {
                MarketBook book = book(e.market(), e.adId(), eventId, out);
                if (book != null) {
                    book.listAd(e.adId(), e.ownerId(), Side.valueOf(e.side()), e.priceMinor(), e.quantityMicros(),
                            e.minOrderMinor(), e.maxOrderMinor(), e.paymentMethods(), e.minCompletedTrades());
                }
            }
            case AdAmended e -> {
                MarketBook book = book(e.market(), e.adId(), eventId, out);
                if (book != null) {
                    if (e.quantityMicros() == AdAmended.KEEP_QUANTITY) {
                        book.amendPrice(e.adId(), e.priceMinor());
                    } else {
                        book.amend(e.adId(), e.priceMinor(), e.quantityMicros());
                    }
                }
            }
            case AdWithdrawn e -> {
                MarketBook book = book(e.market(), e.adId(), eventId, out);
                if (book != null) {
                    book.cancel(e.adId());
                }
            }
            case AdQuantityRestored e -> {
                MarketBook book = book(e.market(), e.adId(), eventId, out);
                if (book != null) {
                    book.restore(e.adId(), e.quantityMicros());
                }
            }
            case OrderPlaced e -> place(e, eventId, out);
            case OrderCancelRequested e -> {
                MarketBook book = book(e.market(), e.orderId(), eventId, out);
                if (book != null) {
                    book.cancel(e.orderId());
                }
            }
            default -> throw new IllegalStateException("no handler for " + type);
        }
        return null;
    }

    private static UUID uuid(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(node.textValue());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** " (field x.y)" when the parser says where the problem is; never the parser's own text. */
    private static String fieldOf(Exception e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            return " (field " + path + ")";
        }
        return "";
    }

    private NewEvent invalid(String eventId, UUID subject, JsonNode tree, String message) {
        JsonNode market = tree.get("market");
        return rejection(eventId, subject, market != null && market.isTextual() ? market.textValue() : null,
                INVALID_INPUT, message);
    }

    private void place(OrderPlaced e, String eventId, List<NewEvent> out) {
        MarketBook book = book(e.market(), e.orderId(), eventId, out);
        if (book == null) {
            return;
        }
        Side side = Side.valueOf(e.side());
        switch (e.mode()) {
            case "EXPRESS_FIAT" -> book.placeExpress(e.orderId(), e.ownerId(), side, e.amount(), true,
                    e.paymentMethods(), e.completedTrades(), e.priceLimitMinor());
            case "EXPRESS_QUANTITY" -> book.placeExpress(e.orderId(), e.ownerId(), side, e.amount(), false,
                    e.paymentMethods(), e.completedTrades(), e.priceLimitMinor());
            case "AD_FIAT", "AD_QUANTITY" -> {
                if (e.adId() == null) {
                    out.add(rejection(eventId, e.orderId(), e.market(), "MISSING_AD_ID",
                            "an order in mode " + e.mode() + " must name the ad it takes (adId)"));
                } else {
                    book.placeOnAd(e.orderId(), e.ownerId(), side, e.adId(), e.amount(), "AD_FIAT".equals(e.mode()),
                            e.paymentMethods(), e.completedTrades(), e.priceLimitMinor());
                }
            }
            case "LIMIT" -> book.placeLimit(e.orderId(), e.ownerId(), side, e.priceMinor(), e.amount(),
                    TimeInForce.valueOf(e.timeInForce()));
            default -> out.add(rejection(eventId, e.orderId(), e.market(), "UNKNOWN_MODE",
                    "order mode must be EXPRESS_FIAT, EXPRESS_QUANTITY, AD_FIAT, AD_QUANTITY or LIMIT"));
        }
    }

    /** The market's book (created on first use from the market registry), or null after rejecting. */
    private MarketBook book(String market, UUID orderId, String eventId, List<NewEvent> out) {
        MarketBook book = books.get(market);
        if (book == null) {
            OptionalLong tick = tickOfMarket.tickAt(market, inputPartition, inputOffset);
            if (tick.isEmpty()) {
                out.add(rejection(eventId, orderId, market, "MARKET_NOT_OPEN", "market " + market + " is not open"));
                return null;
            }
            book = new MarketBook(market, tick.getAsLong(), owners, exhaustedAdsKept);
            books.put(market, book);
        }
        touched.add(market);
        book.beginInput(eventId, inputType, out);
        return book;
    }

    private NewEvent rejection(String eventId, UUID orderId, String market, String reason, String message) {
        UUID id = UUID.nameUUIDFromBytes((eventId + "#0").getBytes(StandardCharsets.UTF_8));
        return new NewEvent(id, Topics.MATCHING_EVENTS, market, EventTypes.ORDER_REJECTED, String.valueOf(orderId),
                new OrderRejected(orderId, market, reason, message, inputType));
    }

    byte[] snapshot() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(SNAPSHOT_VERSION);
        out.writeLong(inputs);
        out.writeInt(nextOffsets.size());
        for (Map.Entry<Integer, Long> e : nextOffsets.entrySet()) {
            out.writeInt(e.getKey());
            out.writeLong(e.getValue());
        }
        owners.write(out);
        recent.write(out);
        out.writeInt(books.size());
        for (MarketBook book : books.values()) {
            book.write(out);
        }
        out.flush();
        return bytes.toByteArray();
    }

    void restore(byte[] snapshot) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot));
        int version = in.readInt();
        if (version != SNAPSHOT_VERSION && version != OwnerDirectory.FORMAT_NAMES_ONLY) {
            throw new IOException("unsupported book snapshot version " + version);
        }
        inputs = in.readLong();
        nextOffsets.clear();
        int partitions = in.readInt();
        for (int i = 0; i < partitions; i++) {
            nextOffsets.put(in.readInt(), in.readLong());
        }
        owners.read(in, version);
        recent.read(in);
        books.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            MarketBook book = MarketBook.read(in, owners, exhaustedAdsKept);
            books.put(book.market(), book);
        }
        owners.dropUnreferenced();
    }
}
