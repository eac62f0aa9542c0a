package com.c2c.order.stream.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in the feed: the writing transaction's id and the row's sequence number, in the order streams
 * deliver (txid, then seq). Sent to clients as the SSE event id {@code <txid>-<seq>}.
 */
public record FeedPosition(long txid, long seq) implements Comparable<FeedPosition> {
    private static final Pattern ID = Pattern.compile("([0-9]{1,18})-([0-9]{1,18})");

    public FeedPosition {
        if (txid < 0 || seq < 0) {
            throw new IllegalArgumentException("a feed position is not negative");
        }
    }

    /** Before every row of transactions from {@code txid} on (rows' seq starts at 1). */
    public static FeedPosition before(long txid) {
        return new FeedPosition(txid, 0);
    }

    /** The position an event id names; empty when it is not one this service sends. */
    public static Optional<FeedPosition> parse(String eventId) {
        if (eventId == null) {
            return Optional.empty();
        }
        Matcher m = ID.matcher(eventId.strip());
        return m.matches() ? Optional.of(new FeedPosition(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))))
                : Optional.empty();
    }

    public String eventId() {
        return txid + "-" + seq;
    }

    @Override
    public int compareTo(FeedPosition other) {
        int byTx = Long.compare(txid, other.txid);
        return byTx != 0 ? byTx : Long.compare(seq, other.seq);
    }
}
