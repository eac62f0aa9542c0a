package com.c2c.order.ad;

import com.c2c.platform.messaging.audit.AuditTrail;
import com.c2c.events.FiatAmount;
import com.c2c.order.ad.domain.AdStatus;
import com.c2c.order.ad.domain.BookBounds;
import com.c2c.order.ad.domain.BookPresence;
import com.c2c.order.ad.domain.Margin;
import com.c2c.order.ad.domain.PriceType;
import com.c2c.order.ad.store.Ad;
import com.c2c.order.ad.store.ReferencePrice;
import com.c2c.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * Reference prices and the FLOATING ads that follow them. Setting a price locks its row before the ads,
 * and pricing a FLOATING ad share-locks the row first too, so an ad priced from the old reference is
 * always seen (and re-priced) by the transaction that changes it.
 */
@ApplicationScoped
public class ReferencePrices {
    private static final List<AdStatus> PRICED = List.of(AdStatus.PENDING_FUNDING, AdStatus.ACTIVE, AdStatus.PAUSED);

    private final AdAnnouncements announce;
    private final AuditTrail audit;

    ReferencePrices(AdAnnouncements announce, AuditTrail audit) {
        this.announce = announce;
        this.audit = audit;
    }

    public record Repriced(ReferencePrice price, int ads) {
    }

    /**
     * Sets the fiat's reference price and re-prices its FLOATING ads in the same transaction; the ones on
     * the book get an AdAmended with the new price (the book keeps their quantity).
     */
    @WithTransaction
    public Uni<Repriced> set(String adminId, String fiatCode, BigDecimal price) {
        Currency fiat = ProblemException.field("fiat", () -> FiatAmount.currency(fiatCode));
        long priceMinor = ProblemException.field("price", () -> {
            long minor = FiatAmount.toMinor(price, fiat);
            if (minor > BookBounds.MAX_REFERENCE_PRICE_MINOR) {
                throw new IllegalArgumentException("is too high: ads 20 % above it would exceed the markets' range");
            }
            return minor;
        });
        String code = fiat.getCurrencyCode();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into reference_price (fiat, price_minor, updated_at, updated_by)
                values (:fiat, :price, :now, :admin)
                on conflict (fiat) do update set price_minor = excluded.price_minor,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .setParameter("fiat", code)
                .setParameter("price", priceMinor)
                .setParameter("now", Instant.now())
                .setParameter("admin", adminId)
                .executeUpdate())
                .chain(() -> ReferencePrice.<ReferencePrice>findById(code))
                .chain(reference -> reprice(reference).map(n -> new Repriced(reference, n)))
                .call(repriced -> audit.record(adminId, "reference-price.set", code,
                        price.toPlainString() + ", " + repriced.ads() + " FLOATING ads re-priced"));
    }

    @WithSession
    public Uni<List<ReferencePrice>> all() {
        return ReferencePrice.listAll(Sort.by("fiat"));
    }

    /** The fiat's reference price, share-locked for pricing an ad from it; 409 when there is none. */
    Uni<ReferencePrice> forPricing(String fiat) {
        return ReferencePrice.<ReferencePrice>findById(fiat, LockModeType.PESSIMISTIC_READ)
                .onItem().ifNull().failWith(() -> ProblemException.conflict("no-reference-price",
                        "there is no reference price for " + fiat + " yet, so a FLOATING ad cannot be priced;"
                                + " post a FIXED ad or ask an admin to set one"));
    }

    static long floatingPrice(ReferencePrice reference, int marginBps) {
        return ProblemException.field("marginPercent",
                () -> BookBounds.price(Margin.price(reference.priceMinor, marginBps)));
    }

    private Uni<Integer> reprice(ReferencePrice reference) {
        return Ad.<Ad>find("fiat = ?1 and priceType = ?2 and status in ?3", reference.fiat, PriceType.FLOATING, PRICED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(ads -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    int changed = 0;
                    for (Ad ad : ads) {
                        long newPrice = Margin.price(reference.priceMinor, ad.marginBps);
                        if (newPrice == ad.priceMinor) {
                            continue;
                        }
                        changed++;
                        ad.priceMinor = newPrice;
                        ad.updatedAt = reference.updatedAt;
                        if (ad.bookPresence == BookPresence.LISTED) {
                            chain = chain.chain(() -> announce.amend(ad));
                        }
                    }
                    int repriced = changed;
                    return chain.replaceWith(repriced);
                });
    }
}
