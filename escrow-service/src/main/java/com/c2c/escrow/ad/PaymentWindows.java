package com.c2c.escrow.ad;

import com.c2c.escrow.config.EscrowConfig;
import com.c2c.platform.messaging.sql.PlainSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * How long a buyer has to pay on each ad. Escrow learns it from the ad's own events rather than
 * from the book's TradeMatched, so the engine's events and snapshots stay as they are.
 */
@ApplicationScoped
public class PaymentWindows {
    private static final Logger LOG = Logger.getLogger(PaymentWindows.class);

    private final Duration fallback;

    PaymentWindows(EscrowConfig config) {
        this.fallback = config.defaultPaymentWindow();
    }

    /** Records the ad's window (posted or amended); runs in the consumer's transaction. */
    public Uni<Void> remember(UUID adId, int minutes) {
        if (minutes <= 0) {
            // The order service validates windows; a non-positive one means "unchanged", never "none".
            LOG.debugf("ad %s: payment window %d ignored", adId, minutes);
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into ad_payment_window (ad_id, payment_window_minutes) values (:ad, :minutes)
                on conflict (ad_id) do update
                set payment_window_minutes = excluded.payment_window_minutes, updated_at = now()""")
                .setParameter("ad", adId)
                .setParameter("minutes", minutes)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The window of the trade's maker ad, or the configured default when the maker is not a known ad. */
    public Uni<Duration> forMaker(UUID makerOrderId) {
        if (makerOrderId == null) {
            return Uni.createFrom().item(fallback);
        }
        // plain SQL (ADR 0020): every trade's lock reads it
        return PlainSql.select("select payment_window_minutes from ad_payment_window where ad_id = $1", makerOrderId)
                .map(rows -> rows.isEmpty() ? fallback : Duration.ofMinutes((Integer) rows.get(0)[0]));
    }
}
