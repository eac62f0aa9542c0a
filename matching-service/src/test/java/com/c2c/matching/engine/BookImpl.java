package com.c2c.matching.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** The {@link OrderBook} implementations under test; tests see them only through the interface. */
enum BookImpl {
    /** The fast array-ladder book. */
    LADDER((tick, listener) -> new LadderBook(tick, listener, 16, BookImpl.EXHAUSTED_ADS_KEPT)),
    /** The naive reference book, the oracle for the fast one. */
    TREE_MAP((tick, listener) -> new TreeMapBook(tick, listener, BookImpl.EXHAUSTED_ADS_KEPT));

    /**
     * Exhausted ads the books under test keep: a few, so random scenarios run into the bound (the engine's
     * {@link Limits#EXHAUSTED_ADS_KEPT} is far beyond what a test sequence exhausts).
     */
    static final int EXHAUSTED_ADS_KEPT = 3;

    private final BiFunction<Long, BookListener, OrderBook> constructor;

    BookImpl(BiFunction<Long, BookListener, OrderBook> constructor) {
        this.constructor = constructor;
    }

    OrderBook create(long tickMinor, BookListener listener) {
        return constructor.apply(tickMinor, listener);
    }

    static byte[] snapshotOf(OrderBook book) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            book.writeSnapshot(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A snapshot as text: the header, then one line per order record. */
    static List<String> describeSnapshot(byte[] snapshot) {
        List<String> lines = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            BookSnapshot.Header header = BookSnapshot.readHeader(in);
            lines.add("tickMinor=" + header.tickMinor() + " tradeSeq=" + header.tradeSeq() + " count=" + header.count());
            for (int i = 0; i < header.count(); i++) {
                lines.add(BookSnapshot.readEntry(in).toString());
            }
            if (in.available() > 0) {
                lines.add(in.available() + " more bytes");
            }
        } catch (IOException e) {
            lines.add("unreadable: " + e);
        }
        return lines;
    }

    /** One level of {@link OrderBook#depth}, as a value. */
    record DepthLevel(long priceTicks, long quantity, int ads) {
    }

    /** A side's depth as a list, checking that the book's count of levels matches what it reported. */
    static List<DepthLevel> depthOf(OrderBook book, Side side, int maxLevels) {
        List<DepthLevel> levels = new ArrayList<>();
        int reported = book.depth(side, maxLevels, (price, quantity, ads) -> levels.add(new DepthLevel(price, quantity,
                ads)));
        if (reported != levels.size()) {
            throw new AssertionError("depth(" + side + ") returned " + reported + " but reported " + levels.size()
                    + " levels");
        }
        return levels;
    }

    static void restoreSnapshot(OrderBook book, byte[] snapshot) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            book.readSnapshot(in);
            if (in.available() > 0) {
                throw new AssertionError(in.available() + " snapshot bytes left unread");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
