package com.c2c.order.ad;

import com.c2c.events.Decimals;
import com.c2c.events.FiatAmount;
import com.c2c.events.PaymentMethod;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.ad.store.Ad;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageAfter;
import com.c2c.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The public list of a market's ads a taker can choose from: ACTIVE, on the book, with something left,
 * best price for the taker first (the lowest SELL price, the highest BUY price), the oldest first among
 * equal prices, then by id. Paged by the keyset {@link Position}; served by the partial indexes
 * {@code ad_listing_sell} and {@code ad_listing_buy}, one per side since their price orders differ.
 */
@ApplicationScoped
public class AdListing {

    /** What the taker asks for; {@code paymentMethod} and {@code amount} are optional filters. */
    public record Query(String market, String side, String paymentMethod, String amount, PageAfter<Position> page) {
    }

    /** Where an ad stands in the listing: its price, then its age, then its id. */
    public record Position(long priceMinor, Instant at, UUID id) {
    }

    @WithSession
    public Uni<Page<Ad>> find(Query query) {
        Currency fiat = fiatOf(query.market());
        Side side = parse("side", query.side(), Side.class, true);
        PaymentMethod method = parse("paymentMethod", query.paymentMethod(), PaymentMethod.class, false);
        Long amount = query.amount() == null || query.amount().isBlank() ? null
                : AdRequests.fiat("amount", ProblemException.field("amount", () -> Decimals.parse(query.amount())), fiat);
        // The BUY listing runs from the highest price down: ordering by the negated price keeps every key
        // ascending, so one row comparison is the keyset predicate on either side. The side is written into
        // the statement (it is one of two enum names) so the planner can match the side's partial index.
        String rank = side == Side.SELL ? "price_minor" : "-price_minor";
        Position after = query.page().after();
        StringBuilder sql = new StringBuilder("""
                select * from ad
                where market = :market and side = '%s'
                  and status = 'ACTIVE' and book_presence = 'LISTED' and remaining_micros > 0""".formatted(side.name()));
        if (method != null) {
            sql.append(" and (payment_method_mask & :method) <> 0");
        }
        if (amount != null) {
            // The quantity the amount buys at the ad's price, as the engine converts it (rounded down).
            sql.append(" and min_order_minor <= :amount and max_order_minor >= :amount"
                    + " and div(cast(:amount as numeric) * 1000000, price_minor) <= remaining_micros");
        }
        if (after != null) {
            sql.append(" and (").append(rank).append(", created_at, id) > (:rank, :at, :id)");
        }
        sql.append(" order by ").append(rank).append(", created_at, id");
        return Panache.getSession().chain(session -> {
            var q = session.createNativeQuery(sql.toString(), Ad.class)
                    .setParameter("market", query.market());
            if (after != null) {
                q.setParameter("rank", side == Side.SELL ? after.priceMinor() : -after.priceMinor())
                        .setParameter("at", after.at()).setParameter("id", after.id());
            }
            if (method != null) {
                q.setParameter("method", 1L << method.ordinal());
            }
            if (amount != null) {
                q.setParameter("amount", amount);
            }
            return q.setMaxResults(query.page().fetch()).getResultList();
        }).map(rows -> query.page().page(rows, ad -> new Position(ad.priceMinor, ad.createdAt, ad.id)));
    }

    private static Currency fiatOf(String market) {
        String prefix = AdRequests.ASSET + "-";
        if (market == null || !market.startsWith(prefix)) {
            throw ProblemException.invalidField("market", "must be USDT-<fiat>, e.g. USDT-CNY");
        }
        return ProblemException.field("market", () -> FiatAmount.currency(market.substring(prefix.length())));
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalidField(field, "is required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of " + List.of(type.getEnumConstants()));
        }
    }
}
