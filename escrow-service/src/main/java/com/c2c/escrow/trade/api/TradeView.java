package com.c2c.escrow.trade.api;

import com.c2c.escrow.trade.domain.TradeStatus;
import com.c2c.escrow.trade.store.Trade;
import com.c2c.events.FiatAmount;
import com.c2c.events.UsdtAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record TradeView(
        UUID id,
        @Schema(example = "USDT-CNY") String market,
        TradeStatus status,
        @Schema(description = "why it was cancelled or disputed: BUYER_CANCELLED, PAYMENT_DEADLINE, LOCK_REJECTED, "
                + "ARBITER_REFUND, SELLER_DEADLINE or the disputing party's words; else null") String reason,
        String buyerId,
        String sellerId,
        UUID takerOrderId,
        @Schema(description = "the ad (or resting order) the taker matched") UUID makerOrderId,
        @Schema(example = "7.20", description = "fiat per USDT") BigDecimal price,
        @Schema(example = "100", description = "USDT") BigDecimal quantity,
        @Schema(example = "720.00", description = "fiat the buyer pays") BigDecimal fiatAmount,
        @Schema(example = "0.1", description = "USDT fee taken from what the buyer received; null until released")
        BigDecimal fee,
        @Schema(description = "when the current step times out: payment (LOCKED) or confirmation (PAID); else null")
        Instant deadline,
        @Schema(description = "null unless the trade was disputed") DisputeView dispute,
        Instant createdAt,
        Instant updatedAt) {

    public static TradeView of(Trade t) {
        Currency fiat = Currency.getInstance(t.market.substring(t.market.indexOf('-') + 1));
        return new TradeView(t.id, t.market, t.status, t.reason, t.buyerId, t.sellerId, t.takerOrderId,
                t.makerOrderId, FiatAmount.fromMinor(t.priceMinor, fiat), UsdtAmount.fromMicros(t.quantityMicros),
                FiatAmount.fromMinor(t.fiatAmountMinor, fiat),
                t.feeMicros == null ? null : UsdtAmount.fromMicros(t.feeMicros), t.deadlineAt,
                t.dispute == null || t.dispute.openedAt == null ? null : DisputeView.of(t.dispute), t.createdAt,
                t.updatedAt);
    }
}
