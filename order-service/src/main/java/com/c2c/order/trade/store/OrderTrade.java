package com.c2c.order.trade.store;

import com.c2c.order.trade.domain.TradeStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A trade of one of this service's taker orders or ads, as the book and escrow report it. */
@Entity
@Table(name = "order_trade")
public class OrderTrade extends PanacheEntityBase {
    @Id
    @Column(name = "trade_id")
    public UUID tradeId;
    @Column(nullable = false)
    public String market;
    @Column(name = "taker_order_id", nullable = false)
    public UUID takerOrderId;
    @Column(name = "maker_order_id", nullable = false)
    public UUID makerOrderId;
    @Column(name = "buyer_id", nullable = false)
    public String buyerId;
    @Column(name = "seller_id", nullable = false)
    public String sellerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TradeStatus status;
    /** Known once TradeMatched has been applied (escrow's events do not carry it). */
    @Column(name = "price_minor")
    public Long priceMinor;
    @Column(name = "quantity_micros", nullable = false)
    public long quantityMicros;
    @Column(name = "fiat_amount_minor", nullable = false)
    public long fiatAmountMinor;
    @Column(name = "payment_deadline")
    public Instant paymentDeadline;
    @Column(nullable = false)
    public boolean matched;
    @Column(nullable = false)
    public boolean ended;
    /** When TradeMatched was applied (a fill of the maker's ad), null before. */
    @Column(name = "matched_at")
    public Instant matchedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
