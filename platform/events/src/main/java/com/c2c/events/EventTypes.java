package com.c2c.events;

/** CloudEvent {@code type} values: {@code c2c.<domain>.<EventName>.v<major>}. */
public final class EventTypes {
    public static final String AD_POSTED = "c2c.order.AdPosted.v1";
    public static final String MARKET_OPENED = "c2c.matching.MarketOpened.v1";
    public static final String FUNDS_CREDITED = "c2c.wallet.FundsCredited.v1";
    public static final String TRADE_OPENED = "c2c.escrow.TradeOpened.v1";
    public static final String ADDRESS_WATCHED = "c2c.chain.AddressWatched.v1";

    private EventTypes() {
    }
}
