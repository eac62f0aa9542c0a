package com.c2c.matching.engine;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Runs a scenario one command at a time and checks that what the book reports adds up, without
 * knowing how it matches: for every order, quantity in (placed, posted, restored, amended up) =
 * traded + cancelled + still resting; every trade is priced, numbered and eligible as the rules
 * say; a rejected command reports nothing else; an order on a chosen ad fills or is rejected exactly
 * as that ad's state decides (it needs no queue order); and the final snapshot, level totals and best
 * prices agree with the events. It models which orders are live and how much they hold, not their
 * queue order — the comparison with {@link TreeMapBook} covers priority.
 */
final class Ledger {

    /** One incarnation of an order id: what went in and what came out. */
    private static final class Account {
        final long owner;
        final Side side;
        final boolean ad;
        final long minFiat;
        final long maxFiat;
        final long paymentMethods;
        final int minCompletedTrades;
        long price;
        long in;
        long traded;
        long cancelled;
        boolean live = true;

        Account(long owner, Side side, boolean ad, long price, long minFiat, long maxFiat, long paymentMethods,
                int minCompletedTrades) {
            this.owner = owner;
            this.side = side;
            this.ad = ad;
            this.price = price;
            this.minFiat = minFiat;
            this.maxFiat = maxFiat;
            this.paymentMethods = paymentMethods;
            this.minCompletedTrades = minCompletedTrades;
        }

        long remaining() {
            return in - traded - cancelled;
        }

        boolean exhaustedAd() {
            return live && ad && remaining() == 0;
        }
    }

    /** What an express or chosen-ad taker brings to the ads' conditions (a limit taker meets them all). */
    private record TakerConditions(long paymentMethods, int completedTrades) {
    }

    /** A side and price: the key of a level. */
    private record Level(Side side, long price) {
    }

    private final Scenario scenario;
    private final OrderBook book;
    private final RecordingListener listener = new RecordingListener();
    private final Map<Long, Account> accounts = new HashMap<>();
    /** Level totals as the book-change events told them; zero totals are removed. */
    private final Map<Level, Long> levels = new HashMap<>();
    private long lastTradeId;
    /** For failure messages: the command being checked. */
    private int index = -1;
    private List<BookEvent> events = List.of();

    private Ledger(Scenario scenario, BiFunction<Long, BookListener, OrderBook> newBook) {
        this.scenario = scenario;
        this.book = newBook.apply(scenario.tickMinor(), listener);
    }

    /** Throws an AssertionError naming the offending command and its events if anything does not add up. */
    static void check(Scenario scenario, BookImpl impl) {
        check(scenario, impl::create);
    }

    /** As above, for any way of making a book (tests of this checker feed it deliberately broken ones). */
    static void check(Scenario scenario, BiFunction<Long, BookListener, OrderBook> newBook) {
        Ledger ledger = new Ledger(scenario, newBook);
        List<Command> commands = scenario.commands();
        for (ledger.index = 0; ledger.index < commands.size(); ledger.index++) {
            ledger.step(commands.get(ledger.index));
        }
        ledger.index = -1;
        ledger.checkFinalState();
    }

    private void step(Command command) {
        int before = listener.position();
        command.applyTo(book);
        events = listener.eventsFrom(before);
        trackLevels();
        if (rejected(command)) {
            return;
        }
        switch (command) {
            case Command.PostAd c -> posted(c);
            case Command.PlaceLimit c -> placed(c);
            case Command.PlaceExpress c -> expressed(c);
            case Command.PlaceOnAd c -> placedOnAd(c);
            case Command.Cancel c -> cancelled(c);
            case Command.Amend c -> amended(c.id(), c.newPrice(), c.newQuantity());
            case Command.AmendPrice c -> amendedPrice(c);
            case Command.Restore c -> restored(c);
        }
        forgotten();
    }

    /** An ad the book stopped keeping had run out (holding nothing) and is no longer live. */
    private void forgotten() {
        for (BookEvent e : events) {
            if (e instanceof BookEvent.Forgotten f) {
                Account ad = accounts.get(f.adId());
                expect(ad != null && ad.exhaustedAd() && ad.owner == f.ownerId(),
                        "only an exhausted ad is forgotten, under its owner");
                ad.live = false;
            }
        }
    }

    /**
     * A rejected command reports its reject and nothing else. Ids are checked before arguments: placing
     * a live id is always DUPLICATE_ID, naming an id that is not live always UNKNOWN_ID.
     */
    private boolean rejected(Command command) {
        boolean rejected = events.stream().anyMatch(e -> e instanceof BookEvent.Reject);
        boolean placement = command instanceof Command.PostAd || command instanceof Command.PlaceLimit
                || command instanceof Command.PlaceExpress || command instanceof Command.PlaceOnAd;
        if (placement && isLive(command.id())) {
            expect(events.equals(List.of(BookEvent.reject(command.id(), RejectReason.DUPLICATE_ID))),
                    "placing a live id must be rejected DUPLICATE_ID");
        }
        if (!placement && !isLive(command.id())) {
            expect(events.equals(List.of(BookEvent.reject(command.id(), RejectReason.UNKNOWN_ID))),
                    "naming an id that is not live must be rejected UNKNOWN_ID");
        }
        if (rejected) {
            expect(events.size() == 1 && ((BookEvent.Reject) events.getFirst()).orderId() == command.id(),
                    "a rejected command reports exactly one reject, for its own id");
        }
        if (command instanceof Command.PlaceExpress c && !isLive(c.id())) {
            RejectReason reason = rejected ? ((BookEvent.Reject) events.getFirst()).reason() : null;
            if (c.amount() >= 1 && c.amount() <= Limits.MAX_QUANTITY && !Limits.validPrice(c.limit())) {
                expect(reason == RejectReason.INVALID_PRICE, "an express order with an invalid price limit must be"
                        + " rejected INVALID_PRICE");
            }
            if (reason == RejectReason.PRICE_LIMIT) {
                expect(levels.keySet().stream().anyMatch(l -> l.side() == c.side().opposite()
                        && !c.side().crosses(c.limit(), l.price())),
                        "PRICE_LIMIT names levels beyond the limit: the book must have one");
            }
        }
        if (command instanceof Command.PlaceOnAd c && !isLive(c.id())) {
            RejectReason expected = onAdRejection(c);
            expect(expected == null ? !rejected : events.equals(List.of(BookEvent.reject(c.id(), expected))),
                    "an order on a chosen ad must be " + (expected == null ? "filled" : "rejected " + expected));
        }
        return rejected;
    }

    /**
     * Why the chosen ad cannot take this order, or null if it must fill: the ledger knows every ad's
     * side, owner, price, remaining quantity and conditions, so the outcome is fully determined.
     */
    private RejectReason onAdRejection(Command.PlaceOnAd c) {
        if (c.amount() < 1 || c.amount() > Limits.MAX_QUANTITY) {
            return RejectReason.INVALID_QUANTITY;
        }
        if (!Limits.validPrice(c.limit())) {
            return RejectReason.INVALID_PRICE;
        }
        Account ad = accounts.get(c.adId());
        if (ad == null || !ad.live || !ad.ad || ad.side != c.side().opposite()) {
            return RejectReason.AD_NOT_AVAILABLE;
        }
        if (ad.owner == c.owner()) {
            return RejectReason.OWN_AD;
        }
        if (!c.side().crosses(c.limit(), ad.price)) {
            return RejectReason.PRICE_LIMIT;
        }
        long priceMinor = ad.price * scenario.tickMinor();
        long quantity = c.byFiat() ? Limits.quantityFor(c.amount(), priceMinor) : c.amount();
        long fiat = Limits.fiatFor(quantity, priceMinor);
        boolean fits = quantity > 0 && quantity <= ad.remaining() && fiat >= ad.minFiat && fiat <= ad.maxFiat
                && (ad.paymentMethods & c.paymentMethods()) != 0 && c.completedTrades() >= ad.minCompletedTrades;
        return fits ? null : RejectReason.AD_NOT_ELIGIBLE;
    }

    private void posted(Command.PostAd c) {
        expectValid(c.price(), c.quantity());
        expect(c.minFiat() >= 0 && c.minFiat() <= c.maxFiat() && c.maxFiat() <= Limits.MAX_QUANTITY,
                "an ad with invalid fiat limits was accepted");
        Account ad = open(c.id(), new Account(c.owner(), c.side(), true, c.price(), c.minFiat(), c.maxFiat(),
                c.paymentMethods(), c.minCompletedTrades()));
        ad.in = c.quantity();
        expect(countTrades() == 0, "an ad never takes liquidity");
        expectCancels(0);
    }

    private void placed(Command.PlaceLimit c) {
        expectValid(c.price(), c.quantity());
        Account order = open(c.id(), new Account(c.owner(), c.side(), false, c.price(), 0, Limits.MAX_QUANTITY,
                Limits.ANY_PAYMENT_METHOD, 0));
        order.in = c.quantity();
        takeTrades(c.id(), order.owner, order.side, order.price, null);
        long left = order.remaining();
        switch (c.tif()) {
            case GTC -> {
                expectCancels(0);
                order.live = left > 0;
            }
            case IOC -> {
                if (left > 0) {
                    expectCancel(c.id(), order.owner, left, CancelReason.UNFILLED_IOC);
                    order.cancelled += left;
                } else {
                    expectCancels(0);
                }
                order.live = false;
            }
            case FOK -> {
                expect(left == 0, "an accepted FOK order must fill completely, left " + left);
                expectCancels(0);
                order.live = false;
            }
        }
    }

    private void expressed(Command.PlaceExpress c) {
        expect(c.amount() >= 1 && c.amount() <= Limits.MAX_QUANTITY, "an express with an invalid amount was accepted");
        expect(countTrades() == 1, "an accepted express order trades exactly once");
        expectCancels(0);
        BookEvent.Trade trade = trades().getFirst();
        long priceMinor = trade.priceTicks() * scenario.tickMinor();
        long quantity = c.byFiat() ? Limits.quantityFor(c.amount(), priceMinor) : c.amount();
        expect(trade.quantity() == quantity, "express must fill its whole amount: expected quantity " + quantity);
        expect(!c.byFiat() || trade.fiatAmount() <= c.amount(), "express by fiat paid more than its amount");
        expect(Limits.validPrice(c.limit()), "an express order with an invalid price limit was accepted");
        // An express order never rests, so it gets no account: what went in is exactly what it traded.
        takeTrades(c.id(), c.owner(), c.side(), c.limit(), new TakerConditions(c.paymentMethods(), c.completedTrades()));
    }

    private void placedOnAd(Command.PlaceOnAd c) {
        expect(countTrades() == 1, "an accepted order on a chosen ad trades exactly once");
        expectCancels(0);
        BookEvent.Trade trade = trades().getFirst();
        expect(trade.makerOrderId() == c.adId(), "an order on a chosen ad trades with that ad only");
        long priceMinor = trade.priceTicks() * scenario.tickMinor();
        long quantity = c.byFiat() ? Limits.quantityFor(c.amount(), priceMinor) : c.amount();
        expect(trade.quantity() == quantity, "an order on an ad fills its whole amount: expected quantity " + quantity);
        expect(!c.byFiat() || trade.fiatAmount() <= c.amount(), "an order on an ad by fiat paid more than its amount");
        // Like an express order it never rests: no account of its own.
        takeTrades(c.id(), c.owner(), c.side(), c.limit(), new TakerConditions(c.paymentMethods(), c.completedTrades()));
    }

    private void cancelled(Command.Cancel c) {
        Account order = accounts.get(c.id());
        expect(countTrades() == 0, "a cancel never trades");
        expectCancel(c.id(), order.owner, order.remaining(), CancelReason.REQUESTED);
        order.cancelled += order.remaining();
        order.live = false;
    }

    private void amended(long id, long newPrice, long newQuantity) {
        Account order = accounts.get(id);
        expect(!order.exhaustedAd(), "an exhausted ad is not resting and cannot be amended");
        expectValid(newPrice, newQuantity);
        expectCancels(0);
        order.in += newQuantity - order.remaining();
        order.price = newPrice;
        if (order.ad) {
            expect(countTrades() == 0, "an amended ad never takes liquidity");
        } else {
            takeTrades(id, order.owner, order.side, order.price, null);
            order.live = order.remaining() > 0;
        }
    }

    /** A price-only amend is an amend to the remaining quantity; an exhausted ad just takes the price, silently. */
    private void amendedPrice(Command.AmendPrice c) {
        Account order = accounts.get(c.id());
        if (order.exhaustedAd()) {
            expectValid(c.newPrice(), 1);
            expect(events.isEmpty(), "moving an exhausted ad's price changes no level and trades nothing");
            order.price = c.newPrice();
        } else {
            amended(c.id(), c.newPrice(), order.remaining());
        }
    }

    private void restored(Command.Restore c) {
        Account ad = accounts.get(c.id());
        expect(ad.ad, "restore was accepted for a limit order");
        expect(c.quantity() >= 1 && ad.remaining() + c.quantity() <= Limits.MAX_QUANTITY,
                "restore with an invalid quantity was accepted");
        expect(countTrades() == 0, "a restore never trades");
        expectCancels(0);
        ad.in += c.quantity();
    }

    /**
     * Books this command's trades against their makers and checks each: numbered 1, 2, 3...; fiat as
     * {@link Limits#fiatFor}; never the taker's own order; a live maker on the other side at the
     * trade's price holding enough; within an ad's fiat window; within the taker's limit price (a limit
     * order's price, an express or chosen-ad order's price limit); best prices first.
     *
     * @param limitPrice the taker's limit price in ticks
     * @param conditions what an express or chosen-ad taker brings to the ads' conditions, or null for a limit taker
     */
    private void takeTrades(long takerId, long takerOwner, Side takerSide, Long limitPrice,
            TakerConditions conditions) {
        long previousPrice = Limits.NONE;
        for (BookEvent.Trade t : trades()) {
            expect(t.tradeId() == ++lastTradeId, "trade ids count 1, 2, 3...: expected " + lastTradeId);
            expect(t.takerOrderId() == takerId && t.takerOwnerId() == takerOwner && t.takerSide() == takerSide,
                    "the trade's taker is the command's order");
            expect(t.quantity() > 0, "a trade moves a positive quantity");
            expect(t.fiatAmount() == Limits.fiatFor(t.quantity(), t.priceTicks() * scenario.tickMinor()),
                    "fiat = Limits.fiatFor(quantity, price * tickMinor)");
            expect(t.takerOwnerId() != t.makerOwnerId(), "self-trade: taker and maker have the same owner");
            if (limitPrice != null) {
                expect(takerSide == Side.BUY ? t.priceTicks() <= limitPrice : t.priceTicks() >= limitPrice,
                        "a taker traded beyond its limit price");
            }
            expect(previousPrice == Limits.NONE
                    || (takerSide == Side.BUY ? t.priceTicks() >= previousPrice : t.priceTicks() <= previousPrice),
                    "a taker fills the best prices first");
            previousPrice = t.priceTicks();

            Account maker = accounts.get(t.makerOrderId());
            expect(maker != null && maker.live && maker.remaining() >= t.quantity(),
                    "the maker is live and holds at least the traded quantity");
            expect(maker.owner == t.makerOwnerId() && maker.side == takerSide.opposite() && maker.price == t.priceTicks(),
                    "the trade names the maker's owner, the opposite side and the maker's price");
            if (maker.ad) {
                expect(t.fiatAmount() >= maker.minFiat && t.fiatAmount() <= maker.maxFiat,
                        "the fill's fiat lies within the ad's min..max");
                long takerMethods = conditions == null ? Limits.ANY_PAYMENT_METHOD : conditions.paymentMethods();
                expect((maker.paymentMethods & takerMethods) != 0, "maker and taker payment methods overlap");
            }
            if (conditions != null) {
                expect(conditions.completedTrades() >= maker.minCompletedTrades,
                        "the express or chosen-ad taker has the maker's minimum completed trades");
            }
            maker.traded += t.quantity();
            if (maker.remaining() == 0 && !maker.ad) {
                maker.live = false;
            }
            Account taker = accounts.get(takerId);
            if (taker != null && conditions == null) {
                taker.traded += t.quantity();
            }
        }
    }

    /** Starts a new incarnation of an id; an earlier one must have closed with nothing left. */
    private Account open(long id, Account account) {
        Account previous = accounts.get(id);
        expect(previous == null || (!previous.live && previous.remaining() == 0),
                "an id was reused while its earlier order still held quantity");
        accounts.put(id, account);
        return account;
    }

    private void checkFinalState() {
        Map<Long, BookSnapshot.Entry> entries = readSnapshot();
        long liveCount = accounts.values().stream().filter(a -> a.live).count();
        expect(book.size() == liveCount, "size() = live orders and ads, including exhausted ads: " + liveCount);
        expect(entries.size() == liveCount, "the snapshot holds every live order, and only those");
        Map<Level, Long> snapshotLevels = new HashMap<>();
        for (Map.Entry<Long, Account> e : accounts.entrySet()) {
            long id = e.getKey();
            Account account = e.getValue();
            long left = account.remaining();
            expect(left >= 0, "order " + id + " gave out more than it took in: " + left);
            BookSnapshot.Entry entry = entries.get(id);
            expect(book.contains(id) == account.live, "contains(" + id + ") must be " + account.live);
            if (!account.live) {
                expect(left == 0, "order " + id + " left the book holding " + left);
                expect(entry == null, "order " + id + " left the book but is in the snapshot");
                continue;
            }
            expect(entry != null, "live order " + id + " is missing from the snapshot");
            expect(entry.remaining() == left, "order " + id + ": in - traded - cancelled = " + left
                    + " but the snapshot says " + entry.remaining());
            expect(entry.exhausted() == account.exhaustedAd(), "order " + id + ": exhausted flag");
            expect(entry.ownerId() == account.owner && entry.side() == account.side
                    && entry.priceTicks() == account.price
                    && (entry.kind() == BookSnapshot.KIND_AD) == account.ad,
                    "order " + id + ": snapshot owner/side/price/kind differ from what was placed");
            if (account.ad) {
                expect(entry.minFiat() == account.minFiat && entry.maxFiat() == account.maxFiat
                        && entry.paymentMethods() == account.paymentMethods
                        && entry.minCompletedTrades() == account.minCompletedTrades,
                        "ad " + id + ": snapshot conditions differ from what was posted");
            }
            if (!entry.exhausted()) {
                snapshotLevels.merge(new Level(entry.side(), entry.priceTicks()), left, Long::sum);
            }
        }
        expect(snapshotLevels.equals(levels), "the last book-change per level must equal the resting totals: "
                + "events say " + levels + ", snapshot says " + snapshotLevels);
        for (Level level : snapshotLevels.keySet()) {
            expect(book.quantityAt(level.side(), level.price()) == snapshotLevels.get(level),
                    "quantityAt" + level);
        }
        expect(book.bestBid() == best(snapshotLevels, Side.BUY), "bestBid");
        expect(book.bestAsk() == best(snapshotLevels, Side.SELL), "bestAsk");
    }

    /** The snapshot's entries by id, checking its header and the priority order of its records. */
    private Map<Long, BookSnapshot.Entry> readSnapshot() {
        byte[] snapshot = BookImpl.snapshotOf(book);
        Map<Long, BookSnapshot.Entry> entries = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            BookSnapshot.Header header = BookSnapshot.readHeader(in);
            expect(header.tickMinor() == scenario.tickMinor(), "snapshot tick");
            expect(header.tradeSeq() == lastTradeId, "snapshot trade counter = last trade id " + lastTradeId);
            List<BookSnapshot.Entry> order = new ArrayList<>();
            for (int i = 0; i < header.count(); i++) {
                BookSnapshot.Entry entry = BookSnapshot.readEntry(in);
                expect(entries.put(entry.id(), entry) == null, "id " + entry.id() + " twice in the snapshot");
                order.add(entry);
            }
            expect(in.available() == 0, "bytes after the snapshot's last entry");
            expectSnapshotOrder(order);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Bids best first, then asks best first, then exhausted ads. */
    private void expectSnapshotOrder(List<BookSnapshot.Entry> order) {
        int rank = 0; // 0 bids, 1 asks, 2 exhausted
        long lastPrice = Limits.NONE;
        for (BookSnapshot.Entry e : order) {
            int r = e.exhausted() ? 2 : e.side() == Side.BUY ? 0 : 1;
            expect(r >= rank, "snapshot order: bids, then asks, then exhausted ads");
            if (r != rank) {
                rank = r;
                lastPrice = Limits.NONE;
            }
            if (r < 2) {
                expect(lastPrice == Limits.NONE || (r == 0 ? e.priceTicks() <= lastPrice : e.priceTicks() >= lastPrice),
                        "snapshot levels best first");
                lastPrice = e.priceTicks();
            }
        }
    }

    private static long best(Map<Level, Long> levels, Side side) {
        return levels.keySet().stream().filter(l -> l.side() == side).mapToLong(Level::price)
                .reduce((a, b) -> side == Side.BUY ? Math.max(a, b) : Math.min(a, b)).orElse(Limits.NONE);
    }

    private void trackLevels() {
        for (BookEvent e : events) {
            if (e instanceof BookEvent.BookChange change) {
                expect(change.levelQuantity() >= 0, "a level total is never negative");
                Level level = new Level(change.side(), change.priceTicks());
                if (change.levelQuantity() == 0) {
                    levels.remove(level);
                } else {
                    levels.put(level, change.levelQuantity());
                }
            }
        }
    }

    private boolean isLive(long id) {
        Account account = accounts.get(id);
        return account != null && account.live;
    }

    private List<BookEvent.Trade> trades() {
        return events.stream().filter(BookEvent.Trade.class::isInstance).map(BookEvent.Trade.class::cast).toList();
    }

    private long countTrades() {
        return events.stream().filter(BookEvent.Trade.class::isInstance).count();
    }

    private void expectCancel(long id, long owner, long quantity, CancelReason reason) {
        List<BookEvent> cancels = events.stream().filter(BookEvent.Cancel.class::isInstance).toList();
        expect(cancels.equals(List.of(BookEvent.cancelled(id, owner, quantity, reason))),
                "expected exactly " + BookEvent.cancelled(id, owner, quantity, reason));
    }

    private void expectCancels(int count) {
        expect(events.stream().filter(BookEvent.Cancel.class::isInstance).count() == count,
                "expected " + count + " cancel events");
    }

    private void expectValid(long price, long quantity) {
        expect(price >= 1 && price <= Limits.MAX_PRICE_TICKS, "a command with an invalid price was accepted");
        expect(quantity >= 1 && quantity <= Limits.MAX_QUANTITY, "a command with an invalid quantity was accepted");
    }

    private void expect(boolean condition, String rule) {
        if (!condition) {
            String where = index < 0 ? "after the last command"
                    : "at command #" + index + ": " + scenario.commands().get(index) + "\nits events:\n  "
                            + String.join("\n  ", events.stream().map(Objects::toString).toList());
            throw new AssertionError(rule + "\n" + where);
        }
    }
}
