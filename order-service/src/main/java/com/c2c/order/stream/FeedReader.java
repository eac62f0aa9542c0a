package com.c2c.order.stream;

import com.c2c.order.stream.domain.FeedPosition;
import com.c2c.order.stream.domain.FeedType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads an owner's feed in commit-safe order.
 *
 * <h2>Why a reader never skips an entry</h2>
 * Entries are ordered by (writing transaction id, row sequence). Transaction ids are handed out when a
 * transaction first writes, not when it commits, so a transaction with a smaller id may commit after one
 * with a larger id: a reader that delivered id 10 could miss 9 committing later. So a reader delivers only
 * entries of transactions that are certainly finished, {@code txid < pg_snapshot_xmin(pg_current_snapshot())}:
 * every transaction below the oldest one still running has committed or aborted, so no entry can appear
 * below that bound any more. Delivering in (txid, seq) order below it and moving the position forward
 * therefore never passes an entry that will show up later. The price is latency: delivery waits for the
 * oldest transaction running on the server (usually milliseconds).
 */
@ApplicationScoped
public class FeedReader {
    private final Pool pool;

    FeedReader(Pool pool) {
        this.pool = pool;
    }

    /** Where a new stream starts: after everything certainly finished now (nothing in flight is passed). */
    public Uni<FeedPosition> now() {
        return pool.query("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint").execute()
                .map(rows -> FeedPosition.before(rows.iterator().next().getLong(0)));
    }

    /** Whether {@code position} is one of {@code owner}'s entries still kept (a valid place to resume). */
    public Uni<Boolean> holds(String owner, FeedPosition position) {
        return pool.preparedQuery("select 1 from owner_feed where owner_id = $1 and txid = $2::text::xid8 and seq = $3")
                .execute(Tuple.of(owner, Long.toString(position.txid()), position.seq()))
                .map(rows -> rows.size() == 1);
    }

    /** At most {@code limit} of {@code owner}'s entries of {@code types} after {@code position}, in order. */
    public Uni<List<FeedEntry>> after(String owner, Set<FeedType> types, FeedPosition position, int limit) {
        String[] names = types.stream().map(FeedType::eventName).toArray(String[]::new);
        return pool.preparedQuery("""
                select txid::text::bigint as txid, seq, type, payload from owner_feed
                where owner_id = $1 and (txid, seq) > ($2::text::xid8, $3)
                  and txid < pg_snapshot_xmin(pg_current_snapshot()) and type = any($4)
                order by txid, seq limit $5""")
                .execute(Tuple.of(owner, Long.toString(position.txid()), position.seq(), names, limit))
                .map(rows -> {
                    List<FeedEntry> entries = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        entries.add(new FeedEntry(new FeedPosition(row.getLong("txid"), row.getLong("seq")),
                                row.getString("type"), row.getString("payload")));
                    }
                    return entries;
                });
    }
}
