package com.c2c.matching.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The snapshot format every {@link OrderBook} writes and reads, so a snapshot from one
 * implementation restores into another: a header, then every order as one fixed-size record —
 * bids best first, then asks best first, each level in time priority, then exhausted ads.
 */
public final class BookSnapshot {
    static final int MAGIC = 0xC2C0B00C;
    static final int VERSION = 1;
    static final byte KIND_LIMIT = 0;
    static final byte KIND_AD = 1;

    private BookSnapshot() {
    }

    /** One order as a snapshot carries it. */
    public record Entry(long id, long ownerId, Side side, byte kind, long priceTicks, long remaining, long minFiat,
            long maxFiat, long paymentMethods, int minCompletedTrades, boolean exhausted) {
    }

    static void writeHeader(DataOutput out, long tickMinor, long tradeSeq, int count) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(tickMinor);
        out.writeLong(tradeSeq);
        out.writeInt(count);
    }

    static void writeEntry(DataOutput out, long id, long ownerId, Side side, byte kind, long price, long remaining,
            long minFiat, long maxFiat, long paymentMethods, int minCompletedTrades, boolean exhausted)
            throws IOException {
        out.writeLong(id);
        out.writeLong(ownerId);
        out.writeByte(side.ordinal());
        out.writeByte(kind);
        out.writeLong(price);
        out.writeLong(remaining);
        out.writeLong(minFiat);
        out.writeLong(maxFiat);
        out.writeLong(paymentMethods);
        out.writeInt(minCompletedTrades);
        out.writeBoolean(exhausted);
    }

    /** What a snapshot starts with. */
    record Header(long tickMinor, long tradeSeq, int count) {
        /** Fails unless the snapshot was written by a book with this tick. */
        Header requireTick(long expectedTickMinor) throws IOException {
            if (tickMinor != expectedTickMinor) {
                throw new IOException("snapshot tick " + tickMinor + " differs from this book's " + expectedTickMinor);
            }
            return this;
        }
    }

    static Header readHeader(DataInput in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not an order book snapshot");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported order book snapshot version " + version);
        }
        return new Header(in.readLong(), in.readLong(), in.readInt());
    }

    /** Every order record of a snapshot, in its order (for the service's maps around a book). */
    public static java.util.List<Entry> entries(DataInput in) throws IOException {
        Header header = readHeader(in);
        java.util.List<Entry> entries = new java.util.ArrayList<>(header.count());
        for (int i = 0; i < header.count(); i++) {
            entries.add(readEntry(in));
        }
        return entries;
    }

    static Entry readEntry(DataInput in) throws IOException {
        return new Entry(in.readLong(), in.readLong(), Side.values()[in.readByte()], in.readByte(), in.readLong(),
                in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readInt(), in.readBoolean());
    }
}
