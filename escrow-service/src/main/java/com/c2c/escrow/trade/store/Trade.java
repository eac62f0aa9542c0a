package com.c2c.escrow.trade.store;

import com.c2c.escrow.trade.domain.TradeAction;
import com.c2c.escrow.trade.domain.TradeState;
import com.c2c.escrow.trade.domain.TradeStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A trade as escrow holds it. Changes go through {@link TradeRows} (plain SQL, ADR 0020), which reads and writes the
 * row as a plain object; the entity mapping serves the API's reads ({@code TradeQueries}). Never {@code persist} or
 * {@code merge} a trade read by {@link TradeRows}: its version is {@link TradeRows}'s to keep.
 */
@Entity
@Table(name = "trade")
public class Trade extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String market;
    /** Null only for trades opened by hand before trades came from the book. */
    @Column(name = "taker_order_id")
    public UUID takerOrderId;
    @Column(name = "maker_order_id")
    public UUID makerOrderId;
    @Column(name = "buyer_id", nullable = false)
    public String buyerId;
    @Column(name = "seller_id", nullable = false)
    public String sellerId;
    @Column(name = "quantity_micros", nullable = false)
    public long quantityMicros;
    @Column(name = "price_minor", nullable = false)
    public long priceMinor;
    @Column(name = "fiat_amount_minor", nullable = false)
    public long fiatAmountMinor;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TradeStatus status;
    /** Why it was cancelled or disputed (a code, or the disputing party's words); else null. */
    public String reason;
    /** When the current step (payment or confirmation) times out; null when nothing is timed. */
    @Column(name = "deadline_at")
    public Instant deadlineAt;
    /** How often the command the trade waits on was sent again, and when it is due next (null: not yet). */
    @Column(name = "wallet_resends")
    public int walletResends;
    @Column(name = "wallet_resend_at")
    public Instant walletResendAt;
    /** When the wallet refused this trade's release or refund (then nothing is sent again). */
    @Column(name = "wallet_refused_at")
    public Instant walletRefusedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "last_action")
    public TradeAction lastAction;
    @Column(name = "last_actor")
    public String lastActor;
    /** The platform fee the wallet took when it released the USDT to the buyer. */
    @Column(name = "fee_micros")
    public Long feeMicros;
    /** When the wallet confirmed the outcome (or the outcome needed no funds moved). */
    @Column(name = "settled_at")
    public Instant settledAt;
    @Embedded
    public Dispute dispute;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    public TradeState state() {
        return new TradeState(status, deadlineAt, lastAction, lastActor, settledAt != null);
    }
}
