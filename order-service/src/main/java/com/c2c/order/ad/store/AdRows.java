package com.c2c.order.ad.store;

import com.c2c.order.ad.domain.AdStatus;
import com.c2c.order.ad.domain.Side;
import com.c2c.platform.messaging.sql.PlainSql;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;

/**
 * The two things every trade on an ad does to the ad's row, in plain SQL (ADR 0020): a taker's order reads the ad
 * it chose, and the book's TradeMatched takes the traded quantity off what remains. Everything else an ad goes
 * through (posting, amendments, the maker API, the wallet's and the book's other answers) stays with the
 * {@link Ad} entity: those paths are rare and rich in rules. A change here counts in {@code version} as
 * Hibernate's do, so a managed {@link Ad} written after it in another transaction fails its version check rather
 * than overwrite it.
 */
public final class AdRows {
    private AdRows() {
    }

    /** What an order on a chosen ad needs of it: read once, without a lock (the book has the last word). */
    public record ChosenAd(UUID id, String ownerId, String market, Side side, String fiat, AdStatus status,
            long priceMinor) {
        public boolean ownedBy(String userId) {
            return ownerId.equals(userId);
        }
    }

    /** The ad of this id, or null. */
    public static Uni<ChosenAd> chosen(UUID id) {
        return PlainSql.select("select id, owner_id, market, side, fiat, status, price_minor from ad where id = $1", id)
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] r = rows.get(0);
                    return new ChosenAd((UUID) r[0], (String) r[1], (String) r[2], Side.valueOf((String) r[3]),
                            (String) r[4], AdStatus.valueOf((String) r[5]), (Long) r[6]);
                });
    }

    /**
     * Takes {@code quantity} off the ad's remaining quantity (never below zero), its row locked until the
     * transaction ends; answers what remained before, or null if no ad has this id (the maker was a taker order).
     */
    public static Uni<Long> traded(UUID id, long quantity, Instant now) {
        // The CTE locks the row and keeps the value before the change, which the caller checks against the book's.
        return PlainSql.select("""
                with before as (select id, remaining_micros from ad where id = $1 for no key update)
                update ad set remaining_micros = greatest(0, before.remaining_micros - $2), updated_at = $3,
                              version = ad.version + 1
                from before where ad.id = before.id
                returning before.remaining_micros""", id, quantity, now)
                .map(rows -> rows.isEmpty() ? null : (Long) rows.get(0)[0]);
    }
}
