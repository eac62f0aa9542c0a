package com.c2c.matching.bench;

import com.c2c.matching.engine.BookListener;
import com.c2c.matching.engine.CancelReason;
import com.c2c.matching.engine.Limits;
import com.c2c.matching.engine.RejectReason;
import com.c2c.matching.engine.Side;
import com.c2c.matching.engine.TreeMapBook;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a benchmark's command sequence up front from a seed. While generating it executes every
 * command on the naive {@link TreeMapBook}, whose events tell it which ids are live, how much they
 * have left and which ads are exhausted, so every cancel, amend and restore names a live order and
 * the book stays around its target size. Implementations are deterministic and equivalent, so the
 * benchmarked book goes through exactly the same states (the benchmark setup checks it).
 *
 * <p>Market: USDT against a fiat with 2 decimals, tick 0.01 (tickMinor 1), mid price 1,500.00
 * (150,000 ticks). Quantities are USDT micro-units.
 *
 * <p><b>standard</b> (the exchange-core "fast order book" mix): prefill N passive GTC limit orders
 * (1..1,000 USDT, 4N owners) on both sides of the mid, a quarter within a few ticks of the top and
 * the rest spread over a band (N = 1,000: 900 ticks a side, ~750 occupied levels, spread ~5 ticks;
 * N = 100,000: 10,000 ticks a side, ~20,000 levels). Then 82% amends (half price moves by 1..3
 * ticks keeping the quantity, so they re-queue; half quantity reductions by 5..25%, keeping
 * priority), 9% new GTC limits (passive, or, for a share that a controller adjusts to hold the book
 * at N, crossing the best opposite price by 0..2 ticks for 30..130% of that level, at most 1,000
 * USDT, resting any rest), 6% cancels, 3% IOC orders crossing like the aggressive GTCs.
 *
 * <p><b>c2c</b>: prefill N ads (60% sell USDT, 100..5,000 USDT, N/5 merchants) priced on their side
 * of the mid like the passive limits (a quarter within a few ticks, the rest over 400 ticks for 1k,
 * 4,000 for 100k), per-order fiat limits (min 1,000..20,000, max 20..200 times the min),
 * payment-method bitmasks over 16 methods of skewed popularity (bank transfer 70%, three wallets
 * 45/35/25%, twelve more 10% each), 15% asking for 10..200 completed trades. Then 70% express takers
 * (65% buy; 90% by fiat amount, log-uniform 2,000..200,000, else 1..200 USDT; 1..2 payment methods;
 * 0..1,099 completed trades; 1% are merchants, so self-trade prevention skips their ads), 6%
 * restores of recent fills (cancelled trades give the quantity back), 10% ad amends (60% price moves
 * by 1..5 ticks, 40% top-ups of the longest-drained ad, one below a fifth of its quantity, to a fresh
 * 100..5,000 USDT, which re-queues it), 14% churn holding the known ads (resting plus exhausted) at N:
 * a new ad when below N, else a cancel (of an exhausted ad if any, 70%; else half of a drained ad,
 * half of a random one). Without the merchants' top-ups, drained ads pile up at the best prices and
 * every express scans past them. An express skips ~6 ads (1k) or ~10 (100k) on average, mostly for
 * payment methods; rejects and exhausted ads are rare (a fill rarely takes an ad's exact remainder).
 * Restores fall back to an express when no recent fill is left, so the realised shares differ by
 * a point or so (the generator prints them).
 */
public final class Generator {
    public static final long DEFAULT_SEED = 20_240_601L;
    public static final long TICK_MINOR = 1;
    static final int MID = 150_000;
    static final long USDT = 1_000_000L;
    static final int RESTORE_RING = 8192;
    /** Measured commands the setup replays to check an implementation against the naive book. */
    static final int CHECK_COMMANDS = 200_000;

    private static final int DEAD = 0;
    private static final int RESTING = 1;
    private static final int EXHAUSTED = 2;

    private final String mix;
    private final int target;
    private final SplittableRandom rnd;
    private final Commands out;
    private final TreeMapBook book;
    private final int band;

    // Mirror of the book, per id (ids are 1..length).
    private final long[] rem;
    /** An ad's quantity when posted or last topped up. */
    private final long[] full;
    private final int[] px;
    private final boolean[] sell;
    private final boolean[] ad;
    private final byte[] state;
    private final int[] pos;
    private final int[] live;
    private int liveCount;
    private final int[] exhausted;
    private int exhaustedCount;

    private int n;
    private int nextId = 1;
    private int takerId;
    private long takerFilled;

    /** Ads drained below a fifth of their quantity, oldest first: their merchants top them up or cancel them. */
    private final int[] drained = new int[1 << 20];
    private final boolean[] queued;
    private int drainedHead;
    private int drainedTail;

    private final int[] ringAd = new int[RESTORE_RING];
    private final long[] ringQty = new long[RESTORE_RING];
    private int ringHead;

    // Statistics.
    private final long[] opCounts = new long[13];
    private final Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);
    private long trades;
    private long sizeSum;
    private long sizeSamples;
    private int sizeMin = Integer.MAX_VALUE;
    private int sizeMax;
    private long levelSum;
    private long spreadSum;
    private long levelSamples;

    private Generator(String mix, int target, long seed, int length) {
        this.mix = mix;
        this.target = target;
        this.rnd = new SplittableRandom(seed);
        boolean c2c = mix.equals("c2c");
        int prefill = target;
        this.out = new Commands(mix, target, seed, TICK_MINOR, prefill, prefill + length, c2c);
        this.book = new TreeMapBook(TICK_MINOR, new Tracker());
        if (c2c) {
            band = target <= 1_000 ? 400 : 4_000;
        } else {
            band = target <= 1_000 ? 900 : 10_000;
        }
        int ids = out.length + 1;
        rem = new long[ids];
        full = new long[ids];
        queued = new boolean[ids];
        px = new int[ids];
        sell = new boolean[ids];
        ad = new boolean[ids];
        state = new byte[ids];
        pos = new int[ids];
        live = new int[target * 4 + 1024];
        exhausted = new int[target * 4 + 1024];
    }

    public static int sizeOf(String size) {
        return switch (size) {
            case "1k" -> 1_000;
            case "100k" -> 100_000;
            default -> throw new IllegalArgumentException("size must be 1k or 100k: " + size);
        };
    }

    /** Measured commands per sequence: at ~10M ops/s a 1k sequence wraps about every 0.4 s, a 100k one every 0.8 s. */
    public static int defaultLength(String size) {
        return sizeOf(size) <= 1_000 ? 4 << 20 : 8 << 20;
    }

    /** Loads the cached sequence, or generates (and caches) it. */
    public static Commands load(Path dir, String mix, String size, long seed, int length) throws IOException {
        Path file = Commands.file(dir, mix, size, seed, length);
        if (Files.isRegularFile(file)) {
            return Commands.read(file);
        }
        System.out.printf("(generating %s/%s in this JVM; run Generator first to keep its profile out of the fork)%n",
                mix, size);
        Commands c = generate(mix, size, seed, length, null);
        c.write(file);
        return c;
    }

    public static Commands generate(String mix, String size, long seed, int length, PrintStream report) {
        if (!mix.equals("standard") && !mix.equals("c2c")) {
            throw new IllegalArgumentException("mix must be standard or c2c: " + mix);
        }
        long t0 = System.nanoTime();
        Generator g = new Generator(mix, sizeOf(size), seed, length);
        g.run();
        g.checksum();
        if (report != null) {
            g.report(report, (System.nanoTime() - t0) / 1e9);
        }
        return g.out;
    }

    private void run() {
        boolean c2c = out.c2c();
        for (int i = 0; i < target; i++) {
            if (c2c) {
                postAd();
            } else {
                passiveLimit(rnd.nextBoolean());
            }
        }
        if (book.size() != target) {
            throw new IllegalStateException("prefill left " + book.size() + " orders");
        }
        while (n < out.length) {
            if (c2c) {
                c2cStep();
            } else {
                standardStep();
            }
            if ((n & 1023) == 0) {
                sample();
            }
        }
    }

    // ---------------------------------------------------------------- standard mix

    private void standardStep() {
        int r = rnd.nextInt(100);
        if (liveCount == 0) {
            passiveLimit(rnd.nextBoolean());
        } else if (r < 41) {
            int id = randomLive();
            emit(Commands.AMEND, id, 0, move(id, 1 + rnd.nextInt(3)), rem[id]);
        } else if (r < 82) {
            int id = randomLive();
            long q = rem[id];
            if (q < 2) {
                emit(Commands.AMEND, id, 0, move(id, 1 + rnd.nextInt(3)), q);
            } else {
                emit(Commands.AMEND, id, 0, px[id], q - Math.max(1, q * (5 + rnd.nextInt(21)) / 100));
            }
        } else if (r < 91) {
            double e = error();
            boolean buy = rnd.nextBoolean();
            if (rnd.nextDouble() < clamp(0.2 + 10 * e, 0.02, 0.9)) {
                aggressive(buy, true, 1.0);
            } else {
                passiveLimit(buy);
            }
        } else if (r < 97) {
            emit(Commands.CANCEL, randomLive(), 0, 0, 0);
        } else {
            aggressive(rnd.nextBoolean(), false, clamp(1 + 10 * error(), 0.1, 4));
        }
    }

    private double error() {
        return (liveCount - target) / (double) target;
    }

    /** A new order of the standard mix's owners: many of them, so self-trades are rare. */
    private int limitOwner() {
        return 1 + rnd.nextInt(Math.max(1_000, target * 4));
    }

    private long limitQuantity() {
        return (100 + rnd.nextInt(100_000)) * 10_000L; // 1..1,000 USDT in cents of USDT
    }

    private void passiveLimit(boolean buy) {
        int price;
        if (buy) {
            long ask = book.bestAsk();
            int top = ask == Limits.NONE ? MID - 1 : (int) Math.min(MID - 1, ask - 1);
            price = top - passiveOffset();
        } else {
            long bid = book.bestBid();
            int bottom = bid == Limits.NONE ? MID + 1 : (int) Math.max(MID + 1, bid + 1);
            price = bottom + passiveOffset();
        }
        emit(buy ? Commands.GTC_BUY : Commands.GTC_SELL, nextId++, limitOwner(), price, limitQuantity());
    }

    /** Ticks behind the top of the side: a quarter near it (geometric, mean 4 ticks), the rest anywhere in the band. */
    private int passiveOffset() {
        return rnd.nextInt(4) == 0 ? Math.min(band - 1, (int) (-4 * Math.log(1 - rnd.nextDouble()))) : rnd.nextInt(band);
    }

    /** Crosses the best opposite price by 0..2 ticks for 30..130% (times scale) of that level (at most 1,000 USDT). */
    private void aggressive(boolean buy, boolean gtc, double scale) {
        long best = buy ? book.bestAsk() : book.bestBid();
        if (best == Limits.NONE) {
            passiveLimit(buy);
            return;
        }
        int price = (int) (buy ? best + rnd.nextInt(3) : best - rnd.nextInt(3));
        long level = Math.min(1_000 * USDT, book.quantityAt(buy ? Side.SELL : Side.BUY, best));
        long q = Math.max(10_000L, (long) (level * (0.3 + rnd.nextDouble()) * scale));
        byte op = gtc ? (buy ? Commands.GTC_BUY : Commands.GTC_SELL) : (buy ? Commands.IOC_BUY : Commands.IOC_SELL);
        emit(op, nextId++, limitOwner(), price, q);
    }

    /** A price a few ticks away, kept (by reflection) within the order's band on its side of the mid. */
    private int move(int id, int ticks) {
        int p = px[id] + (rnd.nextBoolean() ? ticks : -ticks);
        int lo = sell[id] ? MID + 1 : MID - band;
        int hi = sell[id] ? MID + band : MID - 1;
        if (p < lo) {
            p = Math.min(hi, px[id] + ticks);
        } else if (p > hi) {
            p = Math.max(lo, px[id] - ticks);
        }
        if (p == px[id]) {
            p = sell[id] ? p + 1 : p - 1;
        }
        return p;
    }

    // ---------------------------------------------------------------- c2c mix

    private static final double[] METHOD_SHARE = {0.7, 0.45, 0.35, 0.25, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1,
        0.1, 0.1, 0.1};
    private static final int[] MIN_TRADES = {10, 50, 100, 200};
    private static final long[] MIN_FIAT = {1_000, 2_000, 5_000, 10_000, 20_000};

    private void c2cStep() {
        int r = rnd.nextInt(100);
        if (liveCount == 0) {
            postAd();
        } else if (r < 70) {
            express();
        } else if (r < 76) {
            if (!restore()) {
                express();
            }
        } else if (r < 86) {
            if (rnd.nextInt(10) < 6) {
                int id = randomLive();
                emit(Commands.AMEND, id, 0, adMove(id, 1 + rnd.nextInt(5)), rem[id]);
            } else {
                // A merchant tops up a drained ad (a raise re-queues it at the back of its level).
                int id = drainedAd();
                long q = adQuantity();
                emit(Commands.AMEND, id, 0, px[id], q);
                full[id] = q;
            }
        } else if (liveCount + exhaustedCount < target) {
            postAd();
        } else if (exhaustedCount > 0 && rnd.nextInt(10) < 7) {
            emit(Commands.CANCEL, exhausted[rnd.nextInt(exhaustedCount)], 0, 0, 0);
        } else {
            emit(Commands.CANCEL, rnd.nextBoolean() ? drainedAd() : randomLive(), 0, 0, 0);
        }
    }

    /** The longest-drained resting ad (else a random resting one). */
    private int drainedAd() {
        while (drainedHead != drainedTail) {
            int id = drained[drainedHead];
            drainedHead = (drainedHead + 1) & (drained.length - 1);
            queued[id] = false;
            if (state[id] == RESTING && rem[id] < full[id] / 5) {
                return id;
            }
        }
        return randomLive();
    }

    private long adQuantity() {
        return (100 + rnd.nextInt(4_901)) * USDT;
    }

    private void postAd() {
        boolean sellAd = rnd.nextInt(100) < 60;
        int price = sellAd ? MID + passiveOffset() : MID - 1 - passiveOffset();
        long q = adQuantity();
        long minFiat = MIN_FIAT[rnd.nextInt(MIN_FIAT.length)] * 100;
        long maxFiat = minFiat * (20 + rnd.nextInt(181));
        int methods = 0;
        for (int m = 0; m < METHOD_SHARE.length; m++) {
            if (rnd.nextDouble() < METHOD_SHARE[m]) {
                methods |= 1 << m;
            }
        }
        if (methods == 0) {
            methods = 1;
        }
        int minTrades = rnd.nextInt(100) < 15 ? MIN_TRADES[rnd.nextInt(MIN_TRADES.length)] : 0;
        int merchant = 1 + rnd.nextInt(Math.max(200, target / 5));
        int i = n;
        out.minFiat[i] = minFiat;
        out.maxFiat[i] = maxFiat;
        out.methods[i] = methods;
        out.completed[i] = minTrades;
        emit(sellAd ? Commands.AD_SELL : Commands.AD_BUY, nextId++, merchant, price, q);
    }

    private void express() {
        boolean buy = rnd.nextInt(100) < 65;
        boolean byFiat = rnd.nextInt(10) < 9;
        long amount = byFiat ? (long) Math.exp(Math.log(2_000) + rnd.nextDouble() * Math.log(100)) * 100
                : (1 + rnd.nextInt(200)) * USDT;
        int methods = 1 << pickMethod();
        if (rnd.nextBoolean()) {
            methods |= 1 << pickMethod();
        }
        // 1% of takers are also merchants (self-trade prevention then skips their own ads).
        int owner = rnd.nextInt(100) == 0 ? 1 + rnd.nextInt(Math.max(200, target / 5))
                : 10_000_000 + rnd.nextInt(Math.max(10_000, target));
        int completed = rnd.nextBoolean() ? 100 + rnd.nextInt(1_000) : rnd.nextInt(100);
        int i = n;
        out.methods[i] = methods;
        out.completed[i] = completed;
        byte op = byFiat ? (buy ? Commands.EXPRESS_BUY_FIAT : Commands.EXPRESS_SELL_FIAT)
                : (buy ? Commands.EXPRESS_BUY_QTY : Commands.EXPRESS_SELL_QTY);
        emit(op, nextId++, owner, 0, amount);
    }

    private int pickMethod() {
        while (true) {
            int m = rnd.nextInt(METHOD_SHARE.length);
            if (rnd.nextDouble() < METHOD_SHARE[m]) {
                return m;
            }
        }
    }

    /** Returns a recent fill's quantity to its ad, as a cancelled trade would; false if none is usable. */
    private boolean restore() {
        for (int attempt = 0; attempt < 8; attempt++) {
            int slot = rnd.nextInt(RESTORE_RING);
            int id = ringAd[slot];
            if (id != 0 && state[id] != DEAD && rem[id] + ringQty[slot] <= Limits.MAX_QUANTITY) {
                ringAd[slot] = 0;
                emit(Commands.RESTORE, id, 0, 0, ringQty[slot]);
                return true;
            }
        }
        return false;
    }

    private int adMove(int id, int ticks) {
        int p = px[id] + (rnd.nextBoolean() ? ticks : -ticks);
        int lo = sell[id] ? MID : MID - band;
        int hi = sell[id] ? MID + band - 1 : MID - 1;
        return p < lo ? lo + ticks : p > hi ? hi - ticks : p;
    }

    // ---------------------------------------------------------------- execution and mirror

    private void emit(byte op, int id, int owner, int price, long qty) {
        int i = n;
        out.op[i] = op;
        out.id[i] = id;
        out.owner[i] = owner;
        out.price[i] = price;
        out.qty[i] = qty;
        opCounts[op]++;
        takerId = id;
        takerFilled = 0;
        boolean wasResting = state[id] == RESTING;
        long oldRem = rem[id];
        int oldPx = px[id];
        Replay.exec(book, out, i);
        n++;
        switch (op) {
            case Commands.GTC_BUY, Commands.GTC_SELL -> {
                long left = qty - takerFilled;
                if (left > 0) {
                    rest(id, op == Commands.GTC_SELL, false, price, left);
                }
            }
            case Commands.AD_BUY, Commands.AD_SELL -> {
                rest(id, op == Commands.AD_SELL, true, price, qty);
                full[id] = qty;
            }
            case Commands.AMEND -> {
                if (!wasResting) {
                    throw new IllegalStateException("amend of an id that is not resting: " + id);
                }
                if (state[id] == RESTING) {
                    long left = (price == oldPx && qty <= oldRem) ? qty : qty - takerFilled;
                    rem[id] = left;
                    px[id] = price;
                    if (left == 0) {
                        unlist(id);
                        state[id] = DEAD;
                    }
                }
            }
            case Commands.RESTORE -> {
                if (state[id] == EXHAUSTED) {
                    unlist(id);
                    rest(id, sell[id], true, px[id], qty);
                } else if (state[id] == RESTING) {
                    rem[id] += qty;
                }
            }
            default -> {
            }
        }
    }

    private void rest(int id, boolean sellSide, boolean isAd, int price, long q) {
        rem[id] = q;
        px[id] = price;
        sell[id] = sellSide;
        ad[id] = isAd;
        state[id] = RESTING;
        pos[id] = liveCount;
        live[liveCount++] = id;
    }

    private void unlist(int id) {
        if (state[id] == RESTING) {
            int last = live[--liveCount];
            live[pos[id]] = last;
            pos[last] = pos[id];
        } else if (state[id] == EXHAUSTED) {
            int last = exhausted[--exhaustedCount];
            exhausted[pos[id]] = last;
            pos[last] = pos[id];
        }
    }

    private int randomLive() {
        return live[rnd.nextInt(liveCount)];
    }

    private final class Tracker implements BookListener {
        @Override
        public void onTrade(long tradeId, long takerOrderId, long takerOwnerId, long makerOrderId, long makerOwnerId,
                Side takerSide, long priceTicks, long quantity, long fiatAmount) {
            trades++;
            int maker = (int) makerOrderId;
            if (takerOrderId == takerId) {
                takerFilled += quantity;
            }
            rem[maker] -= quantity;
            if (ad[maker] && !queued[maker] && rem[maker] < full[maker] / 5 && rem[maker] > 0) {
                queued[maker] = true;
                drained[drainedTail] = maker;
                drainedTail = (drainedTail + 1) & (drained.length - 1);
            }
            if (ad[maker]) {
                ringAd[ringHead] = maker;
                ringQty[ringHead] = quantity;
                ringHead = (ringHead + 1) & (RESTORE_RING - 1);
            }
            if (rem[maker] == 0) {
                unlist(maker);
                if (ad[maker]) {
                    state[maker] = EXHAUSTED;
                    pos[maker] = exhaustedCount;
                    exhausted[exhaustedCount++] = maker;
                } else {
                    state[maker] = DEAD;
                }
            }
        }

        @Override
        public void onReject(long orderId, RejectReason reason) {
            rejects.merge(reason, 1L, Long::sum);
        }

        @Override
        public void onCancel(long orderId, long ownerId, long cancelledQuantity, CancelReason reason) {
            if (reason == CancelReason.REQUESTED) {
                int id = (int) orderId;
                unlist(id);
                state[id] = DEAD;
            }
        }

        @Override
        public void onBookChange(Side side, long priceTicks, long levelQuantity) {
        }
    }

    // ---------------------------------------------------------------- checks and statistics

    private void sample() {
        int size = book.size();
        if (size != liveCount + exhaustedCount) {
            throw new IllegalStateException("mirror out of step at " + n + ": book " + size + ", mirror "
                    + (liveCount + exhaustedCount));
        }
        sizeSum += size;
        sizeSamples++;
        sizeMin = Math.min(sizeMin, size);
        sizeMax = Math.max(sizeMax, size);
        if ((n & ((target <= 1_000 ? 1 : 128) * 1024 - 1)) == 0) {
            HashSet<Long> levels = new HashSet<>();
            for (int k = 0; k < liveCount; k++) {
                int id = live[k];
                levels.add(sell[id] ? px[id] : -(long) px[id]);
            }
            levelSum += levels.size();
            long bid = book.bestBid();
            long ask = book.bestAsk();
            if (bid != Limits.NONE && ask != Limits.NONE) {
                spreadSum += ask - bid;
            }
            levelSamples++;
        }
    }

    /** The checksum the naive book yields over the first measured commands, from the starting book. */
    private void checksum() {
        ChecksumListener l = new ChecksumListener();
        TreeMapBook fresh = new TreeMapBook(TICK_MINOR, l);
        for (int i = 0; i < out.prefill; i++) {
            Replay.exec(fresh, out, i);
        }
        l.acc = 0;
        int end = Math.min(out.length, out.prefill + CHECK_COMMANDS);
        for (int i = out.prefill; i < end; i++) {
            Replay.exec(fresh, out, i);
        }
        out.checkCount = end - out.prefill;
        out.checksum = l.acc;
    }

    private void report(PrintStream p, double seconds) {
        int measured = out.length - out.prefill;
        StringBuilder ops = new StringBuilder();
        long[] byName = new long[Commands.OP_NAMES.length];
        for (int op = 0; op < opCounts.length; op++) {
            byName[op] = opCounts[op];
        }
        Map<String, Long> merged = new java.util.LinkedHashMap<>();
        for (int op = 0; op < byName.length; op++) {
            merged.merge(Commands.OP_NAMES[op], byName[op], Long::sum);
        }
        // The prefill's orders/ads are not part of the mix.
        merged.merge(out.c2c() ? "postAd" : "gtc", -(long) out.prefill, Long::sum);
        merged.forEach((name, count) -> {
            if (count > 0) {
                ops.append(String.format(Locale.ROOT, " %s=%.1f%%", name, 100.0 * count / measured));
            }
        });
        p.printf(Locale.ROOT, "%s/%d: %,d prefill + %,d commands in %.1f s (seed %d)%n", mix, target, out.prefill,
                measured, seconds, out.seed);
        p.printf(Locale.ROOT, "  mix:%s%n", ops);
        p.printf(Locale.ROOT, "  book size avg %.0f (min %d, max %d), resting at end %d, exhausted ads %d,"
                + " occupied levels avg %.0f, spread avg %.1f ticks%n", sizeSum / (double) sizeSamples, sizeMin,
                sizeMax, liveCount, exhaustedCount, levelSum / (double) levelSamples,
                spreadSum / (double) levelSamples);
        p.printf(Locale.ROOT, "  trades %,d (%.2f per command), rejects %s%n", trades, trades / (double) measured,
                rejects.isEmpty() ? "none" : rejects.toString());
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Generates and caches sequences: {@code Generator [--dir D] [--seed S] [--length N] mix:size...}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(System.getProperty("c2c.bench.data", "target/bench-data"));
        long seed = Long.getLong("c2c.bench.seed", DEFAULT_SEED);
        Integer length = Integer.getInteger("c2c.bench.length");
        java.util.List<String> combos = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--length" -> length = Integer.parseInt(args[++i]);
                default -> combos.add(args[i]);
            }
        }
        if (combos.isEmpty()) {
            combos = java.util.List.of("standard:1k", "c2c:1k", "standard:100k", "c2c:100k");
        }
        for (String combo : combos) {
            String[] ms = combo.split(":");
            int len = length != null ? length : defaultLength(ms[1]);
            Commands c = generate(ms[0], ms[1], seed, len, System.out);
            Path file = Commands.file(dir, ms[0], ms[1], seed, len);
            c.write(file);
            System.out.println("  -> " + file);
        }
    }
}
