package com.c2c.order.maker;

import com.c2c.order.trade.MakerTrades;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageAfter;
import com.c2c.platform.web.TimeAndId;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/** A maker's trades and fills, page by page from an opaque cursor on (time, trade id). */
@ApplicationScoped
public class MakerHistory {
    private final MakerTrades trades;

    MakerHistory(MakerTrades trades) {
        this.trades = trades;
    }

    @WithSession
    public <T> Uni<Page<T>> trades(String ownerId, PageAfter<TimeAndId> ask, Function<MakerTrades.Row, T> view) {
        return trades.trades(ownerId, ask.after(), ask.fetch())
                .map(rows -> ask.page(rows, row -> new TimeAndId(row.trade().createdAt, row.trade().tradeId)).map(view));
    }

    @WithSession
    public <T> Uni<Page<T>> fills(String ownerId, PageAfter<TimeAndId> ask, Function<MakerTrades.Row, T> view) {
        return trades.fills(ownerId, ask.after(), ask.fetch())
                .map(rows -> ask.page(rows, row -> new TimeAndId(row.trade().matchedAt, row.trade().tradeId)).map(view));
    }
}
