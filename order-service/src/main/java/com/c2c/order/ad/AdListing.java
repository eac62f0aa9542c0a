package com.c2c.order.ad;

import com.c2c.events.Decimals;
import com.c2c.events.FiatAmount;
import com.c2c.events.PaymentMethod;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.ad.store.Ad;
import com.c2c.platform.web.PageRequest;
import com.c2c.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The public list of a market's ads a taker can choose from: ACTIVE, on the book, with something left,
 * best price for the taker first (the lowest SELL price, the highest BUY price), the oldest first among
 * equal prices. Served by the partial index {@code ad_listing}.
 */
@ApplicationScoped
public class AdListing {

    /** What the taker asks for; {@code paymentMethod} and {@code amount} are optional filters. */
    public record Query(String market, String side, String paymentMethod, String amount, PageRequest page) {
    }

    @WithSession
    public Uni<List<Ad>> find(Query query) {
        Currency fiat = fiatOf(query.market());
        Side side = parse("side", query.side(), Side.class, true);
        PaymentMethod method = parse("paymentMethod", query.paymentMethod(), PaymentMethod.class, false);
        Long amount = query.amount() == null || query.amount().isBlank() ? null
                : AdRequests.fiat("amount", ProblemException.field("amount", () -> Decimals.parse(query.amount())), fiat);
        StringBuilder sql = new StringBuilder("""
                select * from ad
                where market = :market and side = :side
                  and status = 'ACTIVE' and book_presence = 'LISTED' and remaining_micros > 0""");
        if (method != null) {
            sql.append(" and (payment_method_mask & :method) <> 0");
        }
        if (amount != null) {
            // The quantity the amount buys at the ad's price, as the engine converts it (rounded down).
            sql.append(" and min_order_minor <= :amount and max_order_minor >= :amount"
                    + " and div(cast(:amount as numeric) * 1000000, price_minor) <= remaining_micros");
        }
        sql.append(side == Side.SELL ? " order by price_minor asc" : " order by price_minor desc")
                .append(", created_at asc, id asc");
        return Panache.getSession().chain(session -> {
            var q = session.createNativeQuery(sql.toString(), Ad.class)
                    .setParameter("market", query.market())
                    .setParameter("side", side.name());
            if (method != null) {
                q.setParameter("method", 1L << method.ordinal());
            }
            if (amount != null) {
                q.setParameter("amount", amount);
            }
            return q.setFirstResult(query.page().offset()).setMaxResults(query.page().size()).getResultList();
        });
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
