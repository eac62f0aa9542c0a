package com.c2c.matching.bench;

import com.c2c.matching.engine.LadderBook;
import com.c2c.matching.engine.OrderBook;
import com.c2c.matching.engine.TreeMapBook;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One book command per invocation, single-threaded, through the public {@link OrderBook} API.
 *
 * <p>The trial setup loads (or generates, see {@link Generator}) the seeded command sequence, builds
 * the starting book from its prefill, snapshots it, and checks that this implementation produces
 * the same events as the naive book over the first {@link Generator#CHECK_COMMANDS} commands (turn
 * off with {@code -Dc2c.bench.verify=false}). Each invocation then executes the next pre-generated
 * command. When the sequence runs out (every ~0.4 s at 10M ops/s on the 1k book) the book is reset
 * from the snapshot with {@link OrderBook#readSnapshot} and the sequence replays; that reset is
 * inside the measurement (a fraction of a millisecond for the 1k book, tens of ms for 100k), shows
 * up in SampleTime's max, and is counted in the teardown line.
 *
 * <p>{@link #throughput} gives ops/s, {@link #latency} per-command latency percentiles (SampleTime:
 * each sample is timed with System.nanoTime, so values carry its ~20 ns cost and granularity).
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class MatchingBenchmark {

    @Param({"ladder", "treemap"})
    public String impl;

    @Param({"standard", "c2c"})
    public String mix;

    @Param({"1k", "100k"})
    public String size;

    private Commands cmds;
    private OrderBook book;
    private ChecksumListener listener;
    private byte[] snapshot;
    private int start;
    private int end;
    private int cursor;
    private long resets;
    private long resetNanos;
    private long executed;
    private long firstStart;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        Path dir = Path.of(System.getProperty("c2c.bench.data", "target/bench-data"));
        long seed = Long.getLong("c2c.bench.seed", Generator.DEFAULT_SEED);
        int length = Integer.getInteger("c2c.bench.length", Generator.defaultLength(size));
        long t0 = System.nanoTime();
        cmds = Generator.load(dir, mix, size, seed, length);
        listener = new ChecksumListener();
        book = newBook(impl, cmds.tickMinor, listener);
        start = cmds.prefill;
        end = cmds.length;
        for (int i = 0; i < start; i++) {
            Replay.exec(book, cmds, i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            book.writeSnapshot(out);
        }
        snapshot = bytes.toByteArray();
        boolean verify = !"false".equals(System.getProperty("c2c.bench.verify"));
        if (verify) {
            listener.acc = 0;
            for (int i = start; i < start + cmds.checkCount; i++) {
                Replay.exec(book, cmds, i);
            }
            if (listener.acc != cmds.checksum) {
                throw new IllegalStateException(impl + " diverges from the naive book within the first "
                        + cmds.checkCount + " commands of " + mix + "/" + size
                        + " (events checksum differs); its numbers would be meaningless");
            }
        }
        reset();
        resets = 0;
        resetNanos = 0;
        executed = 0;
        firstStart = System.nanoTime();
        System.out.printf("%n[setup] %s %s/%s: %,d-order book, %,d commands, snapshot %,d bytes, %s, %.1f s%n", impl,
                mix, size, book.size(), end - start, snapshot.length,
                verify ? "events match the naive book's" : "NOT verified", (System.nanoTime() - t0) / 1e9);
    }

    static OrderBook newBook(String impl, long tickMinor, ChecksumListener listener) {
        return switch (impl) {
            case "ladder" -> new LadderBook(tickMinor, listener);
            case "treemap" -> new TreeMapBook(tickMinor, listener);
            default -> throw new IllegalArgumentException("impl must be ladder or treemap: " + impl);
        };
    }

    private int reset() {
        long t0 = System.nanoTime();
        try {
            book.readSnapshot(new DataInputStream(new ByteArrayInputStream(snapshot)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        resetNanos += System.nanoTime() - t0;
        executed += cursor - start;
        resets++;
        cursor = start;
        return start;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executed += cursor - start;
        double wall = System.nanoTime() - firstStart;
        System.out.printf("%n[teardown] %s %s/%s: %,d commands, sequence replayed from the snapshot %d times"
                + " (%.2f ms per reset, %.2f%% of the wall time), %,d trades, %,d rejects, checksum %x%n", impl, mix,
                size, executed, resets, resets == 0 ? 0 : resetNanos / 1e6 / resets, 100 * resetNanos / wall,
                listener.trades, listener.rejects, listener.acc);
    }

    private void step() {
        int i = cursor;
        if (i == end) {
            i = reset();
        }
        cursor = i + 1;
        Replay.exec(book, cmds, i);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput() {
        step();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void latency() {
        step();
    }
}
