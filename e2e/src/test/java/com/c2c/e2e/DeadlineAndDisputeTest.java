package com.c2c.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.e2e.Api.As;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trades that do not end by the book: the payment deadline passes, or an arbiter decides. */
class DeadlineAndDisputeTest extends TradeScenarios {

    @Test
    void anExpiredPaymentDeadlineCancelsTheTradeAndPutsTheQuantityBack() {
        String seller = user("seller", "500");
        String buyer = user("buyer", "0");
        String ad = activeAd(seller, "SELL", "0.80", "500", "10.00", "400.00");
        String order = platform.placeOnAd(buyer, "BUY", FIAT, ad, "AD_QUANTITY", "500", METHOD);
        String trade = lockedTrade(buyer, order);
        assertAmount("0", amount(platform.ad(seller, ad), "remaining"), "ad exhausted by the trade");

        // Time passes: the stored deadline is moved into the past; escrow's durable scan must act on it.
        EscrowDatabase.expirePaymentDeadline(trade);
        JsonNode cancelled = awaitTrade(buyer, order, "CANCELLED");
        assertEquals(trade, cancelled.path("tradeId").asText());
        assertEquals("PAYMENT_DEADLINE", platform.trade(seller, trade).path("reason").asText("PAYMENT_DEADLINE"));
        assertBalances(seller, "0", "500", "0");
        awaitAd(seller, ad, a -> amount(a, "remaining").compareTo(new java.math.BigDecimal("500")) == 0,
                "remaining back to 500");

        // The quantity is really back on the book: the whole ad can be taken again.
        String again = platform.placeOnAd(buyer, "BUY", FIAT, ad, "AD_QUANTITY", "500", METHOD);
        String second = lockedTrade(buyer, again);
        platform.act(buyer, second, "paid").expect(200, "paid");
        platform.act(buyer, second, "paid").expect(200, "paid again");
        platform.act(seller, second, "confirm").expect(200, "confirm");
        completed(second);
        awaitTrade(buyer, again, "COMPLETED");
        assertBalances(buyer, "499.5", "0", "0");
        assertBalances(seller, "0", "0", "0");
    }

    @Test
    void anArbiterReleasesADisputedTradeToTheBuyer() {
        String seller = user("seller", "100");
        String buyer = user("buyer", "0");
        activeAd(seller, "SELL", "0.80", "100", "10.00", "80.00");
        String order = platform.placeExpress(buyer, "BUY", FIAT, "EXPRESS_FIAT", "40.00", METHOD, "0.80");
        String trade = lockedTrade(buyer, order);
        platform.dispute(buyer, trade, "paid but not confirmed").expect(409, "no dispute before paying");
        platform.act(buyer, trade, "paid").expect(200, "paid");
        platform.dispute(buyer, trade, "I paid, the seller does not answer").expect(200, "buyer disputes");
        awaitTrade(buyer, order, "DISPUTED");

        platform.escrow.get("/api/v1/disputes", As.user(buyer)).expect(403, "a trader is not an arbiter");
        assertEquals(403, platform.escrow.post("/api/v1/trades/" + trade + "/resolution", As.user(seller),
                java.util.Map.of("outcome", "REFUND"), null).status(), "a party cannot resolve");
        platform.resolve(trade, "RELEASE").expect(200, "arbiter releases");
        completed(trade);
        awaitTrade(buyer, order, "RESOLVED_RELEASED");
        assertBalances(buyer, "49.95", "0", "0");
        assertBalances(seller, "0", "50", "0");
    }

    @Test
    void anArbiterRefundsADisputedTradeToTheSeller() {
        String seller = user("seller", "100");
        String buyer = user("buyer", "0");
        String ad = activeAd(seller, "SELL", "0.80", "100", "10.00", "80.00");
        String order = platform.placeExpress(buyer, "BUY", FIAT, "EXPRESS_FIAT", "40.00", METHOD, "0.80");
        String trade = lockedTrade(buyer, order);
        platform.act(buyer, trade, "paid").expect(200, "paid");
        platform.dispute(seller, trade, "no money arrived").expect(200, "seller disputes");

        List<JsonNode> open = platform.escrow.all("/api/v1/disputes", As.arbiter());
        assertTrue(open.toString().contains(trade), "the arbiter sees the dispute: " + open);
        platform.resolve(trade, "REFUND").expect(200, "arbiter refunds");
        platform.resolve(trade, "RELEASE").expect(409, "a resolved trade stays resolved");
        awaitTrade(buyer, order, "RESOLVED_REFUNDED");
        assertBalances(buyer, "0", "0", "0");
        assertBalances(seller, "0", "100", "0");
        awaitAd(seller, ad, a -> amount(a, "remaining").compareTo(new java.math.BigDecimal("100")) == 0,
                "refunded quantity back on the ad");
    }
}
