package com.c2c.events.wallet;

import java.util.Objects;
import java.util.UUID;

/**
 * What the book agreed for a trade, beyond who moves how much USDT: the market, the taker's order and the maker's ad
 * or order, the price and the fiat the buyer pays. The wallet copies them from TradeMatched into its answer to the
 * lock (ADR 0028), so escrow opens the trade from that one answer without reading the book's events itself.
 */
public record TradeTerms(String market, UUID takerOrderId, UUID makerOrderId, long priceMinor, long fiatAmountMinor) {

    /**
     * Every term is required: terms read with one missing fail as unreadable data (the record is dead-lettered), not
     * later as a trade escrow cannot store, which would stall its consumer.
     */
    public TradeTerms {
        Objects.requireNonNull(market, "terms.market");
        Objects.requireNonNull(takerOrderId, "terms.takerOrderId");
        Objects.requireNonNull(makerOrderId, "terms.makerOrderId");
    }
}
