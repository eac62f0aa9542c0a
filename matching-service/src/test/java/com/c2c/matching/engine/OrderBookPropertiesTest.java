package com.c2c.matching.engine;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties every {@link OrderBook} must have over random command sequences (see {@link Scenarios}).
 * The reference {@link TreeMapBook} is the oracle for the fast {@link LadderBook}: whatever one says,
 * the other must say byte for byte. Tries are bounded so the class runs in seconds. Edge-case
 * mixing is off: for whole sequences jqwik's edge cases are mostly empty or one-command lists, which
 * would spend a quarter of the tries; the generators already include the extreme values.
 */
class OrderBookPropertiesTest {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Scenarios.scenarios();
    }

    /** (a) The fast book reports exactly what the reference reports, and ends in the same state. */
    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void fastBookMatchesReference(@ForAll("scenarios") Scenario scenario) {
        RecordingListener reference = new RecordingListener();
        RecordingListener fast = new RecordingListener();
        OrderBook expected = scenario.runOn(BookImpl.TREE_MAP, reference);
        OrderBook actual = scenario.runOn(BookImpl.LADDER, fast);

        assertSameEvents("LadderBook vs TreeMapBook", reference.bytes(), fast.bytes());
        assertSameState(scenario, expected, actual);
    }

    /** (b) The same commands on a fresh book always produce the same bytes. */
    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void sameCommandsSameEvents(@ForAll("scenarios") Scenario scenario, @ForAll BookImpl impl) {
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        OrderBook one = scenario.runOn(impl, first);
        OrderBook two = scenario.runOn(impl, second);

        assertSameEvents("two runs of " + impl, first.bytes(), second.bytes());
        assertSameState(scenario, one, two);
    }

    /**
     * (c) Cutting a run at any command, snapshotting, and carrying on from the snapshot in another
     * book (of either implementation) reports exactly what the uninterrupted run reported from the
     * cut on. The reading book may have run other commands before: reading replaces everything.
     */
    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void snapshotAndReplayContinuesTheRun(@ForAll("scenarios") Scenario scenario,
            @ForAll @IntRange(max = Scenarios.MAX_COMMANDS) int cutSeed, @ForAll BookImpl writer,
            @ForAll BookImpl reader, @ForAll boolean readerHasHistory) {
        int count = scenario.commands().size();
        int cut = cutSeed % (count + 1);

        RecordingListener uninterrupted = new RecordingListener();
        OrderBook original = writer.create(scenario.tickMinor(), uninterrupted);
        scenario.applyTo(original, 0, cut);
        int eventsAtCut = uninterrupted.position();
        byte[] snapshot = BookImpl.snapshotOf(original);
        scenario.applyTo(original, cut, count);

        RecordingListener resumed = new RecordingListener();
        OrderBook successor = reader.create(scenario.tickMinor(), resumed);
        if (readerHasHistory) {
            scenario.applyTo(successor, 0, count);
        }
        BookImpl.restoreSnapshot(successor, snapshot);
        assertSameSnapshot("a snapshot read and written again is unchanged (" + writer + " -> " + reader + ")",
                snapshot, BookImpl.snapshotOf(successor));
        int eventsAtRead = resumed.position();
        scenario.applyTo(successor, cut, count);

        assertSameEvents("resumed from a snapshot at command " + cut + " (" + writer + " -> " + reader + ")",
                uninterrupted.bytesFrom(eventsAtCut), resumed.bytesFrom(eventsAtRead));
        assertSameState(scenario, original, successor);
    }

    /** (d) Quantity is conserved per order, trades are priced, numbered and eligible (see {@link Ledger}). */
    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void quantityIsConservedAndTradesFollowTheRules(@ForAll("scenarios") Scenario scenario,
            @ForAll BookImpl impl) {
        Ledger.check(scenario, impl);
    }

    /**
     * (e) Depth is what the book holds, aggregated independently of either book's walk: per side, the
     * snapshot's resting ads whose remainder is worth at least their per-order minimum, summed by price
     * and counted, best price first (asks lowest, bids highest), cut at the level limit.
     */
    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void depthIsTheFillableAdsOnTheBookByLevel(@ForAll("scenarios") Scenario scenario, @ForAll BookImpl impl,
            @ForAll @IntRange(min = 1, max = 30) int maxLevels) {
        OrderBook book = scenario.runOn(impl, new RecordingListener());
        Map<Side, TreeMap<Long, BookImpl.DepthLevel>> expected = new EnumMap<>(Side.class);
        expected.put(Side.SELL, new TreeMap<>());
        expected.put(Side.BUY, new TreeMap<>(Comparator.reverseOrder()));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(BookImpl.snapshotOf(book)))) {
            BookSnapshot.Header header = BookSnapshot.readHeader(in);
            for (int i = 0; i < header.count(); i++) {
                BookSnapshot.Entry e = BookSnapshot.readEntry(in);
                boolean fillable = e.remaining() > 0
                        && Limits.fiatFor(e.remaining(), e.priceTicks() * scenario.tickMinor()) >= e.minFiat();
                if (e.kind() == BookSnapshot.KIND_AD && !e.exhausted() && fillable) {
                    expected.get(e.side()).merge(e.priceTicks(), new BookImpl.DepthLevel(e.priceTicks(), e.remaining(),
                            1), (a, b) -> new BookImpl.DepthLevel(a.priceTicks(), a.quantity() + b.quantity(),
                                    a.ads() + b.ads()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Side side : Side.values()) {
            List<BookImpl.DepthLevel> want = expected.get(side).values().stream().limit(maxLevels).toList();
            List<BookImpl.DepthLevel> got = BookImpl.depthOf(book, side, maxLevels);
            if (!want.equals(got)) {
                throw new AssertionError("%s depth(%s, %d) of %s%n  expected: %s%n  actual:   %s"
                        .formatted(impl, side, maxLevels, scenario.commands().size() + " commands", want, got));
            }
        }
    }

    // ---- comparisons with readable failures ----

    /**
     * (f) A taker's price limit only ever takes away fills beyond it. Before each express or chosen-ad
     * order with a valid limit, a twin of the book (read from its snapshot) takes the same order without
     * a limit: if the twin fills within the limit, the limited order reports exactly the twin's events;
     * if the twin fills beyond it, the limited order is rejected PRICE_LIMIT and changes nothing; if the
     * twin is rejected, so is the limited order (for the same reason, or PRICE_LIMIT). Every trade of the
     * run lies within its taker's limit ({@link Ledger} checks that for every command too).
     */
    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void aPriceLimitOnlyRemovesFillsBeyondIt(@ForAll("scenarios") Scenario scenario, @ForAll BookImpl impl) {
        RecordingListener events = new RecordingListener();
        OrderBook book = impl.create(scenario.tickMinor(), events);
        for (int i = 0; i < scenario.commands().size(); i++) {
            Command command = scenario.commands().get(i);
            Command unlimited = switch (command) {
                case Command.PlaceExpress c when Limits.validPrice(c.limit()) -> c.unlimited();
                case Command.PlaceOnAd c when Limits.validPrice(c.limit()) -> c.unlimited();
                default -> null;
            };
            if (unlimited == null) {
                command.applyTo(book);
                continue;
            }
            byte[] before = BookImpl.snapshotOf(book);
            RecordingListener twinEvents = new RecordingListener();
            OrderBook twin = impl.create(scenario.tickMinor(), twinEvents);
            readInto(twin, before);
            unlimited.applyTo(twin);
            List<BookEvent> free = twinEvents.takeEvents();

            int at = events.position();
            command.applyTo(book);
            List<BookEvent> limited = events.eventsFrom(at);

            Side side = command instanceof Command.PlaceExpress c ? c.side() : ((Command.PlaceOnAd) command).side();
            long limit = command instanceof Command.PlaceExpress c ? c.limit() : ((Command.PlaceOnAd) command).limit();
            String where = "command " + i + " " + command + " (unlimited: " + free + ", limited: " + limited + ")";
            BookEvent.Trade trade = free.stream().filter(e -> e instanceof BookEvent.Trade)
                    .map(e -> (BookEvent.Trade) e).findFirst().orElse(null);
            if (trade != null && side.crosses(limit, trade.priceTicks())) {
                if (!limited.equals(free)) {
                    throw new AssertionError("a fill within the limit must happen as without it: " + where);
                }
            } else if (trade != null) {
                if (!limited.equals(List.of(BookEvent.reject(command.id(), RejectReason.PRICE_LIMIT)))) {
                    throw new AssertionError("a fill beyond the limit must be rejected PRICE_LIMIT: " + where);
                }
                if (!Arrays.equals(before, BookImpl.snapshotOf(book))) {
                    throw new AssertionError("an order rejected for its limit must change nothing: " + where);
                }
            } else {
                RejectReason freeReason = ((BookEvent.Reject) free.getFirst()).reason();
                boolean sameOrLimit = limited.size() == 1 && limited.getFirst() instanceof BookEvent.Reject r
                        && (r.reason() == freeReason || r.reason() == RejectReason.PRICE_LIMIT);
                if (!sameOrLimit) {
                    throw new AssertionError("an order rejected without a limit must be rejected with one: " + where);
                }
            }
        }
    }

    private static void readInto(OrderBook book, byte[] snapshot) {
        try {
            book.readSnapshot(new DataInputStream(new ByteArrayInputStream(snapshot)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSameEvents(String what, byte[] expected, byte[] actual) {
        if (Arrays.equals(expected, actual)) {
            return;
        }
        List<BookEvent> want = RecordingListener.decode(expected);
        List<BookEvent> got = RecordingListener.decode(actual);
        int i = 0;
        while (i < want.size() && i < got.size() && want.get(i).equals(got.get(i))) {
            i++;
        }
        int from = Math.max(0, i - 5);
        throw new AssertionError("%s: events differ at #%d%n  expected: %s%n  actual:   %s%ncontext (expected):%n%s"
                .formatted(what, i, i < want.size() ? want.get(i) : "<end>", i < got.size() ? got.get(i) : "<end>",
                        String.join("\n", want.subList(from, Math.min(want.size(), i + 3)).stream()
                                .map(e -> "    " + e).toList())));
    }

    /** Same best prices, size, level totals at every price the scenario names, depth (whole and cut), and snapshot. */
    private static void assertSameState(Scenario scenario, OrderBook expected, OrderBook actual) {
        assertEquals("bestBid", expected.bestBid(), actual.bestBid());
        assertEquals("bestAsk", expected.bestAsk(), actual.bestAsk());
        assertEquals("size", expected.size(), actual.size());
        for (Side side : Side.values()) {
            for (long price : scenario.pricesUsed()) {
                assertEquals("quantityAt(" + side + ", " + price + ")", expected.quantityAt(side, price),
                        actual.quantityAt(side, price));
            }
        }
        for (Side side : Side.values()) {
            for (int maxLevels : new int[] {Integer.MAX_VALUE, 3}) {
                List<BookImpl.DepthLevel> want = BookImpl.depthOf(expected, side, maxLevels);
                List<BookImpl.DepthLevel> got = BookImpl.depthOf(actual, side, maxLevels);
                if (!want.equals(got)) {
                    throw new AssertionError("depth(%s, %d)%n  expected: %s%n  actual:   %s"
                            .formatted(side, maxLevels, want, got));
                }
            }
        }
        assertSameSnapshot("snapshot", BookImpl.snapshotOf(expected), BookImpl.snapshotOf(actual));
    }

    /** Compares snapshots byte for byte; on a difference names the first differing record. */
    private static void assertSameSnapshot(String what, byte[] expected, byte[] actual) {
        if (Arrays.equals(expected, actual)) {
            return;
        }
        List<String> want = BookImpl.describeSnapshot(expected);
        List<String> got = BookImpl.describeSnapshot(actual);
        int i = 0;
        while (i < want.size() && i < got.size() && want.get(i).equals(got.get(i))) {
            i++;
        }
        throw new AssertionError("%s: snapshots differ at record #%d (0 is the header)%n  expected: %s%n  actual:   %s"
                .formatted(what, i, i < want.size() ? want.get(i) : "<end>", i < got.size() ? got.get(i) : "<end>"));
    }

    private static void assertEquals(String what, long expected, long actual) {
        if (expected != actual) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual);
        }
    }
}
