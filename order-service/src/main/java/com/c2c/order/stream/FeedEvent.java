package com.c2c.order.stream;

import com.c2c.events.FiatAmount;
import com.c2c.events.UsdtAmount;
import com.c2c.order.ad.domain.AdStatus;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.ad.store.Ad;
import com.c2c.order.stream.domain.FeedType;
import com.c2c.order.taker.domain.OrderStatus;
import com.c2c.order.taker.store.TakerOrder;
import com.c2c.order.trade.domain.TradeStatus;
import com.c2c.order.trade.store.OrderTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/**
 * What a stream tells its owner, one record per {@link FeedType}: the type and its payload belong together,
 * so a feed entry cannot be written under the wrong name. Payloads say what changed and its new state, not
 * everything about the thing (the REST API has that); amounts are exact decimals as in the REST views.
 */
public sealed interface FeedEvent {

    FeedType type();

    /** A taker order's new status. */
    record OrderStatusChanged(UUID orderId, String market, Side side, OrderStatus status, String rejectReason,
            Instant at) implements FeedEvent {
        public static OrderStatusChanged of(TakerOrder order) {
            return new OrderStatusChanged(order.id, order.market, order.side, order.status, order.rejectReason,
                    order.updatedAt);
        }

        @Override
        public FeedType type() {
            return FeedType.ORDER_STATUS;
        }
    }

    /** A trade's new status, as the book and escrow report it. */
    record TradeStatusChanged(UUID tradeId, String market, UUID takerOrderId, UUID adId, String buyerId,
            String sellerId, TradeStatus status, BigDecimal quantity, BigDecimal fiatAmount, Instant paymentDeadline,
            Instant at) implements FeedEvent {
        public static TradeStatusChanged of(OrderTrade t) {
            return new TradeStatusChanged(t.tradeId, t.market, t.takerOrderId, t.makerOrderId, t.buyerId, t.sellerId,
                    t.status, UsdtAmount.fromMicros(t.quantityMicros),
                    FiatAmount.fromMinor(t.fiatAmountMinor, fiat(t.market)), t.paymentDeadline, t.updatedAt);
        }

        @Override
        public FeedType type() {
            return FeedType.TRADE_STATUS;
        }
    }

    /** An ad's new status, and why when not by its owner's hand. */
    record AdStatusChanged(UUID adId, String clientAdId, String market, Side side, AdStatus status,
            String statusReason, Instant at) implements FeedEvent {
        public static AdStatusChanged of(Ad ad) {
            return new AdStatusChanged(ad.id, ad.clientAdId, ad.market, ad.side, ad.status, ad.statusReason,
                    ad.updatedAt);
        }

        @Override
        public FeedType type() {
            return FeedType.AD_STATUS;
        }
    }

    /** The book matched {@code quantity} of the ad at {@code price}. */
    record AdFilled(UUID tradeId, UUID adId, String market, BigDecimal price, BigDecimal quantity,
            BigDecimal fiatAmount, Instant matchedAt) implements FeedEvent {
        public static AdFilled of(OrderTrade t) {
            Currency fiat = fiat(t.market);
            return new AdFilled(t.tradeId, t.makerOrderId, t.market,
                    t.priceMinor == null ? null : FiatAmount.fromMinor(t.priceMinor, fiat),
                    UsdtAmount.fromMicros(t.quantityMicros), FiatAmount.fromMinor(t.fiatAmountMinor, fiat), t.matchedAt);
        }

        @Override
        public FeedType type() {
            return FeedType.FILL;
        }
    }

    private static Currency fiat(String market) {
        return Currency.getInstance(market.substring(market.indexOf('-') + 1));
    }
}
