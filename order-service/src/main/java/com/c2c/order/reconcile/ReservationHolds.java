package com.c2c.order.reconcile;

import com.c2c.platform.messaging.reconcile.Hold;
import com.c2c.platform.messaging.reconcile.HoldsReport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The USDT order-service believes the wallet holds RESERVED for each owner (ADR 0012); it never holds
 * anything LOCKED (that is escrow's). Per owner:
 * <ul>
 * <li>each SELL ad the wallet funded (ACTIVE, PAUSED, or CANCELLED while its withdrawal is unconfirmed):
 * its {@code remaining}, which is what is on the book plus what is held for it off the book (AdBookkeeping);
 * a matched quantity left it at TradeMatched and is escrow's until the trade ends cancelled and comes
 * back. PENDING_FUNDING is not counted (the wallet has not reserved it yet), nor a raise not reserved yet
 * ({@code pending_top_up_micros}, not in remaining), nor REJECTED or released rests (remaining 0);</li>
 * <li>each taker SELL order on its way to the book (PLACED, CANCEL_REQUESTED): its {@code reserved};
 * once MATCHED its fill is escrow's and the unfilled rest was released.</li>
 * </ul>
 */
@ApplicationScoped
public class ReservationHolds implements HoldsReport {
    private final Pool pool;

    ReservationHolds(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<Hold>> holds(int limit) {
        return pool.preparedQuery("""
                        select owner_id, sum(micros) as reserved from (
                            select owner_id, remaining_micros as micros from ad
                            where side = 'SELL' and status in ('ACTIVE', 'PAUSED', 'CANCELLED') and remaining_micros <> 0
                            union all
                            select owner_id, reserved_micros from taker_order
                            where side = 'SELL' and status in ('PLACED', 'CANCEL_REQUESTED') and reserved_micros <> 0
                        ) held
                        group by owner_id having sum(micros) <> 0 order by owner_id limit $1""")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<Hold> holds = new ArrayList<>();
                    for (Row row : rows) {
                        holds.add(new Hold(row.getString(0), row.getNumeric(1).longValue(), 0));
                    }
                    return holds;
                });
    }
}
