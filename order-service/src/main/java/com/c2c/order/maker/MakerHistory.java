package com.c2c.order.maker;

import com.c2c.order.maker.domain.Cursor;
import com.c2c.order.trade.MakerTrades;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;

/** A maker's trades and fills, page by page from an opaque cursor on (time, trade id). */
@ApplicationScoped
public class MakerHistory {
    private final MakerTrades trades;

    MakerHistory(MakerTrades trades) {
        this.trades = trades;
    }

    /** A page and the position after its last row. */
    public record Page<T>(List<T> items, Cursor next, boolean hasMore) {
    }

    @WithSession
    public <T> Uni<Page<T>> trades(String ownerId, Cursor cursor, int limit, Function<MakerTrades.Row, T> view) {
        return trades.trades(ownerId, cursor == null ? null : cursor.at(), cursor == null ? null : cursor.id(),
                limit + 1).map(rows -> page(rows, limit, view, row -> row.trade().createdAt));
    }

    @WithSession
    public <T> Uni<Page<T>> fills(String ownerId, Cursor cursor, int limit, Function<MakerTrades.Row, T> view) {
        return trades.fills(ownerId, cursor == null ? null : cursor.at(), cursor == null ? null : cursor.id(),
                limit + 1).map(rows -> page(rows, limit, view, row -> row.trade().matchedAt));
    }

    private static <T> Page<T> page(List<MakerTrades.Row> rows, int limit, Function<MakerTrades.Row, T> view,
            Function<MakerTrades.Row, java.time.Instant> time) {
        List<MakerTrades.Row> page = rows.subList(0, Math.min(limit, rows.size()));
        Cursor next = page.isEmpty() ? null : new Cursor(time.apply(page.getLast()), page.getLast().trade().tradeId);
        return new Page<>(page.stream().map(view).toList(), next, rows.size() > limit);
    }
}
