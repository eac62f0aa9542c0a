package com.c2c.order.ad.store;

import com.c2c.events.PaymentMethod;
import com.c2c.order.ad.domain.AdAction;
import com.c2c.order.ad.domain.AdState;
import com.c2c.order.ad.domain.AdStatus;
import com.c2c.order.ad.domain.BookPresence;
import com.c2c.order.ad.domain.PriceType;
import com.c2c.order.ad.domain.Side;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "ad")
public class Ad extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "owner_id", nullable = false)
    public String ownerId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    /** The maker's own name for the ad (maker API), unique per owner; null for ads posted at /api/v1/ads. */
    @Column(name = "client_ad_id")
    public String clientAdId;
    @Column(nullable = false)
    public String market;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;
    @Column(nullable = false)
    public String fiat;
    @Enumerated(EnumType.STRING)
    @Column(name = "price_type", nullable = false)
    public PriceType priceType;
    /** Hundredths of a percent over the reference price; null unless FLOATING. */
    @Column(name = "margin_bps")
    public Integer marginBps;
    /** The current price (for a FLOATING ad, as last computed from the reference price). */
    @Column(name = "price_minor", nullable = false)
    public long priceMinor;
    /**
     * The ad's total, as posted or last set through the maker API; what traded counts against it (so
     * remaining + traded + pendingTopUp = total while the counts agree with the book's).
     */
    @Column(name = "quantity_micros", nullable = false)
    public long quantityMicros;
    /** A raise of a SELL ad's total the wallet has not reserved yet (counted in the total, not in remaining). */
    @Column(name = "pending_top_up_micros", nullable = false)
    public long pendingTopUpMicros;
    /** How many times the total changed; names each change's wallet command. */
    @Column(name = "quantity_changes", nullable = false)
    public int quantityChanges;
    /** The price of the last listing or amendment sent to the book; null for ads never listed since V10. */
    @Column(name = "book_price_minor")
    public Long bookPriceMinor;
    /** {@link #bookPriceMinor} before the last amendment sent: what the book holds if it refuses that one. */
    @Column(name = "price_before_amendment_minor")
    public Long priceBeforeAmendmentMinor;
    /** The book's reason for refusing the last price change (the price went back to the book's), else null. */
    @Column(name = "price_rejection")
    public String priceRejection;
    /** The wallet's reason for refusing the last raise, else null. */
    @Column(name = "top_up_rejection")
    public String topUpRejection;
    /** What is on the book or held for the ad; see AdBookkeeping for how it stays exact. */
    @Column(name = "remaining_micros", nullable = false)
    public long remainingMicros;
    @Column(name = "min_order_minor", nullable = false)
    public long minOrderMinor;
    @Column(name = "max_order_minor", nullable = false)
    public long maxOrderMinor;
    /** Comma-separated {@link PaymentMethod} names, sorted. */
    @Column(name = "payment_methods", nullable = false)
    public String paymentMethods;
    @Column(name = "payment_method_mask", nullable = false)
    public long paymentMethodMask;
    @Column(name = "payment_window_minutes", nullable = false)
    public int paymentWindowMinutes;
    @Column(name = "announced_window_minutes", nullable = false)
    public int announcedWindowMinutes;
    public String terms;
    @Column(name = "min_completed_trades", nullable = false)
    public int minCompletedTrades;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AdStatus status;
    /** The reason recorded by the transition that set the status (AdAction.reason()), else null. */
    @Column(name = "status_reason")
    public String statusReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "book_presence", nullable = false)
    public BookPresence bookPresence;
    @Column(name = "held_off_book_micros", nullable = false)
    public long heldOffBookMicros;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    public List<PaymentMethod> paymentMethodList() {
        return Arrays.stream(paymentMethods.split(",")).map(PaymentMethod::valueOf).toList();
    }

    public void acceptPaymentMethods(java.util.Collection<PaymentMethod> methods) {
        paymentMethods = methods.stream().sorted().map(PaymentMethod::name)
                .collect(java.util.stream.Collectors.joining(","));
        paymentMethodMask = PaymentMethod.mask(methods);
    }

    public boolean ownedBy(String userId) {
        return ownerId.equals(userId);
    }

    public AdState state() {
        return new AdState(status, bookPresence);
    }

    /**
     * The one place an ad's status changes: to where {@code action} leads, once AdTransitions decided the
     * action may be taken. Its effects on the book and the funds are AdMoves' to carry out.
     */
    public void take(AdAction action) {
        status = action.to();
        statusReason = action.reason();
        updatedAt = Instant.now();
    }
}
