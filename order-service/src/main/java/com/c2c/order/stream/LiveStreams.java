package com.c2c.order.stream;

import com.c2c.order.stream.domain.FeedPosition;
import com.c2c.order.stream.domain.FeedType;
import com.c2c.platform.web.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An owner's live stream: where it starts (after the client's last event id, or now), then the owner's
 * feed entries in order as they become safe to deliver (FeedReader), heartbeats, and the end when the
 * caller's token expires. Knows nothing of HTTP; the resource turns the items into Server-Sent Events.
 */
@ApplicationScoped
public class LiveStreams {
    /** How long a stream's opening checks may wait for the database. */
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);
    static final String RESUME_EXPIRED = "stream-resume-expired";

    private final FeedReader feed;
    private final StreamSlots slots;
    private final StreamConfig config;

    LiveStreams(FeedReader feed, StreamSlots slots, StreamConfig config) {
        this.feed = feed;
        this.slots = slots;
        this.config = config;
    }

    /**
     * Opens {@code owner}'s stream of {@code types}. Blocks (a worker thread) for the opening checks, so they
     * are answered as problems before the stream starts: 410 for a {@code lastEventId} that is malformed,
     * not the owner's or no longer kept; 429 when the owner holds the maximum of streams.
     */
    public Multi<StreamItem> open(String owner, Set<FeedType> types, String lastEventId, Instant tokenExpiresAt) {
        FeedPosition start = start(owner, lastEventId);
        Duration left = Duration.between(Instant.now(), tokenExpiresAt);
        StreamSlots.Slot slot = slots.take(owner);
        AtomicReference<FeedPosition> at = new AtomicReference<>(start);

        Multi<StreamItem> entries = Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1))
                .every(config.pollInterval())
                .onOverflow().drop()
                .onItem().transformToMultiAndConcatenate(tick -> drain(owner, types, at));
        // The first comment goes out at once, so the client (and any proxy) sees the stream open.
        Multi<StreamItem> heartbeats = Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1))
                .every(config.heartbeatInterval())
                .onOverflow().drop()
                .map(tick -> (StreamItem) new StreamItem.Heartbeat());
        Multi<StreamItem> live = Multi.createBy().merging().streams(entries, heartbeats)
                .select().first(left.isNegative() ? Duration.ZERO : left);
        // An event without an id: the client's last event id stays the last entry it saw.
        Multi<StreamItem> end = Multi.createFrom().item(new StreamItem.End("token-expired",
                "the access token expired: reconnect with a fresh token and Last-Event-ID"));
        return Multi.createBy().concatenating().streams(live, end)
                .onTermination().invoke(slot::release);
    }

    /** All of the owner's safe entries after {@code at}, batch by batch, moving {@code at} as they go out. */
    private Multi<StreamItem> drain(String owner, Set<FeedType> types, AtomicReference<FeedPosition> at) {
        int batch = config.batchSize();
        return Multi.createFrom().uni(Uni.createFrom().deferred(() -> feed.after(owner, types, at.get(), batch))
                        .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(5))
                .onItem().transformToMultiAndConcatenate(rows -> {
                    Multi<StreamItem> these = Multi.createFrom().iterable(rows)
                            .invoke(row -> at.set(row.position()))
                            .map(StreamItem.Entry::new);
                    return rows.size() < batch ? these : Multi.createBy().concatenating()
                            .streams(these, Multi.createFrom().deferred(() -> drain(owner, types, at)));
                });
    }

    private FeedPosition start(String owner, String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return feed.now().await().atMost(OPEN_TIMEOUT); // a new subscriber starts from now
        }
        FeedPosition position = FeedPosition.parse(lastEventId).orElseThrow(LiveStreams::resumeExpired);
        if (!feed.holds(owner, position).await().atMost(OPEN_TIMEOUT)) {
            throw resumeExpired(); // someone else's, or older than the retention
        }
        return position;
    }

    private static ProblemException resumeExpired() {
        return ProblemException.gone(RESUME_EXPIRED, "the stream cannot resume from that event id: it is not"
                + " one of your events still kept (events are kept for a limited time). Re-read your orders,"
                + " trades and ads through the REST API, then reconnect without an event id");
    }
}
