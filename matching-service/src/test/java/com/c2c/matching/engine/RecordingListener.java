package com.c2c.matching.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records every callback as bytes (a tag byte, then the fields), so two runs can be compared byte
 * for byte — a cheap, exact check that two books said the same thing in the same order. The bytes
 * decode back into {@link BookEvent}s for assertions and readable failure messages.
 */
final class RecordingListener implements BookListener {
    private static final byte TRADE = 1;
    private static final byte REJECT = 2;
    private static final byte CANCEL = 3;
    private static final byte BOOK_CHANGE = 4;
    private static final byte FORGOTTEN = 5;

    private final ReadableBytes bytes = new ReadableBytes();
    private final DataOutputStream out = new DataOutputStream(bytes);
    /** Where {@link #takeEvents()} last stopped. */
    private int taken;

    @Override
    public void onTrade(long tradeId, long takerOrderId, long takerOwnerId, long makerOrderId, long makerOwnerId,
            Side takerSide, long priceTicks, long quantity, long fiatAmount) {
        try {
            out.writeByte(TRADE);
            out.writeLong(tradeId);
            out.writeLong(takerOrderId);
            out.writeLong(takerOwnerId);
            out.writeLong(makerOrderId);
            out.writeLong(makerOwnerId);
            out.writeByte(takerSide.ordinal());
            out.writeLong(priceTicks);
            out.writeLong(quantity);
            out.writeLong(fiatAmount);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onReject(long orderId, RejectReason reason) {
        try {
            out.writeByte(REJECT);
            out.writeLong(orderId);
            out.writeByte(reason.ordinal());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onCancel(long orderId, long ownerId, long cancelledQuantity, CancelReason reason) {
        try {
            out.writeByte(CANCEL);
            out.writeLong(orderId);
            out.writeLong(ownerId);
            out.writeLong(cancelledQuantity);
            out.writeByte(reason.ordinal());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onBookChange(Side side, long priceTicks, long levelQuantity) {
        try {
            out.writeByte(BOOK_CHANGE);
            out.writeByte(side.ordinal());
            out.writeLong(priceTicks);
            out.writeLong(levelQuantity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onAdForgotten(long adId, long ownerId) {
        try {
            out.writeByte(FORGOTTEN);
            out.writeLong(adId);
            out.writeLong(ownerId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes recorded so far: a position to cut the log at. */
    int position() {
        return bytes.size();
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    /** The bytes recorded from {@code from} on. */
    byte[] bytesFrom(int from) {
        return bytes.copyFrom(from);
    }

    List<BookEvent> events() {
        return decode(bytes());
    }

    /** The events recorded from {@code from} on, decoded without copying the whole log. */
    List<BookEvent> eventsFrom(int from) {
        return decode(bytes.inputFrom(from));
    }

    /** The events since the previous call (or since the start): what the last command(s) reported. */
    List<BookEvent> takeEvents() {
        List<BookEvent> fresh = eventsFrom(taken);
        taken = position();
        return fresh;
    }

    @Override
    public String toString() {
        return describe(bytes());
    }

    static List<BookEvent> decode(byte[] log) {
        return decode(new ByteArrayInputStream(log));
    }

    private static List<BookEvent> decode(ByteArrayInputStream log) {
        List<BookEvent> events = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(log)) {
            while (in.available() > 0) {
                events.add(readEvent(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt event log", e);
        }
        return events;
    }

    /** One event per line, numbered, for failure messages. */
    static String describe(byte[] log) {
        List<BookEvent> events = decode(log);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            text.append(String.format("%5d  %s%n", i, events.get(i)));
        }
        return text.toString();
    }

    /** Exposes the buffer so a command's events can be read without copying the whole log each time. */
    private static final class ReadableBytes extends ByteArrayOutputStream {
        ByteArrayInputStream inputFrom(int from) {
            return new ByteArrayInputStream(buf, from, count - from);
        }

        byte[] copyFrom(int from) {
            return Arrays.copyOfRange(buf, from, count);
        }
    }

    private static BookEvent readEvent(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case TRADE -> new BookEvent.Trade(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                    in.readLong(), Side.values()[in.readByte()], in.readLong(), in.readLong(), in.readLong());
            case REJECT -> new BookEvent.Reject(in.readLong(), RejectReason.values()[in.readByte()]);
            case CANCEL -> new BookEvent.Cancel(in.readLong(), in.readLong(), in.readLong(),
                    CancelReason.values()[in.readByte()]);
            case BOOK_CHANGE -> new BookEvent.BookChange(Side.values()[in.readByte()], in.readLong(), in.readLong());
            case FORGOTTEN -> new BookEvent.Forgotten(in.readLong(), in.readLong());
            default -> throw new IOException("unknown event tag " + tag);
        };
    }
}
