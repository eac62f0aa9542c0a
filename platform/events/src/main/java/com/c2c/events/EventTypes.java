package com.c2c.events;

/** CloudEvent {@code type} values: {@code c2c.<domain>.<EventName>.v<major>}. */
public final class EventTypes {
    public static final String AD_POSTED = "c2c.order.AdPosted.v1";
    public static final String AD_LISTED = "c2c.order.AdListed.v1";
    public static final String AD_AMENDED = "c2c.order.AdAmended.v1";
    public static final String AD_WITHDRAWN = "c2c.order.AdWithdrawn.v1";
    public static final String AD_QUANTITY_RESTORED = "c2c.order.AdQuantityRestored.v1";
    public static final String ORDER_PLACED = "c2c.order.OrderPlaced.v1";
    public static final String ORDER_CANCEL_REQUESTED = "c2c.order.OrderCancelRequested.v1";
    public static final String MARKET_OPENED = "c2c.matching.MarketOpened.v1";
    public static final String TRADE_MATCHED = "c2c.matching.TradeMatched.v1";
    public static final String ORDER_REJECTED = "c2c.matching.OrderRejected.v1";
    public static final String BOOK_QUANTITY_CANCELLED = "c2c.matching.BookQuantityCancelled.v1";
    public static final String FUNDS_CREDITED = "c2c.wallet.FundsCredited.v1";
    public static final String AD_FUNDS_RESERVED = "c2c.wallet.AdFundsReserved.v1";
    public static final String AD_FUNDS_REJECTED = "c2c.wallet.AdFundsRejected.v1";
    public static final String TRADE_OPENED = "c2c.escrow.TradeOpened.v1";
    public static final String ADDRESS_WATCHED = "c2c.chain.AddressWatched.v1";

    private EventTypes() {
    }
}
