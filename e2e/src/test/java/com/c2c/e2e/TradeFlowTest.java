package com.c2c.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Complete trades through the real services: ads, orders, matching, escrow and the ledger. */
class TradeFlowTest extends TradeScenarios {

    @Test
    void buyerPaysSellerConfirmsUsdtMovesMinusTheFee() {
        String seller = user("seller", "1000");
        String buyer = user("buyer", "0");
        String ad = activeAd(seller, "SELL", "0.80", "500", "10.00", "400.00");
        assertBalances(seller, "500", "500", "0");

        String order = platform.placeExpress(buyer, "BUY", FIAT, "EXPRESS_FIAT", "80.00", METHOD, "0.80");
        String trade = lockedTrade(buyer, order);
        assertBalances(seller, "500", "400", "100");
        JsonNode locked = platform.trade(buyer, trade);
        assertEquals(seller, locked.path("sellerId").asText());
        assertAmount("100", amount(locked, "quantity"), "trade quantity");
        assertNotEquals("", locked.path("deadline").asText(""), "a locked trade has a payment deadline");

        platform.act(seller, trade, "paid").expect(403, "only the buyer marks paid");
        platform.act(buyer, trade, "confirm").expect(403, "only the seller confirms");
        platform.act("stranger-" + seller, trade, "paid").expect(404, "strangers see nothing");
        platform.act(buyer, trade, "paid").expect(200, "buyer marks paid");
        platform.act(buyer, trade, "paid").expect(200, "marking paid again is an idempotent retry");
        platform.act(buyer, trade, "cancel").expect(409, "a paid trade cannot be cancelled by the buyer");
        platform.act(seller, trade, "confirm").expect(200, "seller confirms");
        completed(trade);

        awaitTrade(buyer, order, "COMPLETED");
        assertAmount("0.1", amount(platform.trade(seller, trade), "fee"), "fee at 10 bps");
        assertBalances(buyer, "99.9", "0", "0");
        assertBalances(seller, "500", "400", "0");
        assertAmount("400", amount(platform.ad(seller, ad), "remaining"), "ad remaining");
    }

    @Test
    void oneAdIsPartlyFilledByTwoOrders() {
        String seller = user("seller", "300");
        String first = user("buyer1", "0");
        String second = user("buyer2", "0");
        String ad = activeAd(seller, "SELL", "0.80", "300", "10.00", "200.00");

        String expressOrder = platform.placeExpress(first, "BUY", FIAT, "EXPRESS_QUANTITY", "100", METHOD, "0.80");
        String onAdOrder = platform.placeOnAd(second, "BUY", FIAT, ad, "AD_FIAT", "120.00", METHOD);
        String t1 = lockedTrade(first, expressOrder);
        String t2 = lockedTrade(second, onAdOrder);
        assertBalances(seller, "0", "50", "250");
        assertAmount("50", amount(platform.ad(seller, ad), "remaining"), "ad remaining after two fills");

        for (String[] t : new String[][] {{first, t1}, {second, t2}}) {
            platform.act(t[0], t[1], "paid").expect(200, "paid");
            platform.act(seller, t[1], "confirm").expect(200, "confirm");
            completed(t[1]);
        }
        awaitTrade(first, expressOrder, "COMPLETED");
        awaitTrade(second, onAdOrder, "COMPLETED");
        assertBalances(first, "99.9", "0", "0");
        assertBalances(second, "149.85", "0", "0");
        assertBalances(seller, "0", "50", "0");

        // The rest is still offered: an order for more than remains is refused, one for the rest fills.
        String tooMuch = platform.placeOnAd(first, "BUY", FIAT, ad, "AD_QUANTITY", "60", METHOD);
        awaitValue("order for more than the ad holds rejected", () -> platform.order(first, tooMuch),
                o -> "REJECTED".equals(o.path("status").asText()));
        String rest = platform.placeOnAd(first, "BUY", FIAT, ad, "AD_QUANTITY", "50", METHOD);
        String t3 = lockedTrade(first, rest);
        platform.act(first, t3, "cancel").expect(200, "buyer cancels before paying");
        awaitTrade(first, rest, "CANCELLED");
        assertBalances(seller, "0", "50", "0");
        assertAmount("50", amount(platform.ad(seller, ad), "remaining"), "cancelled trade's quantity back on the ad");
    }

    @Test
    void aTakerSellsIntoABuyAd() {
        String merchant = user("merchant", "0");
        String seller = user("seller", "200");
        String ad = activeAd(merchant, "BUY", "0.81", "300", "10.00", "243.00");

        String order = platform.placeExpress(seller, "SELL", FIAT, "EXPRESS_QUANTITY", "100", METHOD, "0.81");
        String trade = lockedTrade(seller, order);
        assertBalances(seller, "100", "0", "100");
        JsonNode t = platform.trade(merchant, trade);
        assertEquals(merchant, t.path("buyerId").asText());
        assertAmount("81", amount(t, "fiatAmount"), "fiat the merchant pays");

        platform.act(merchant, trade, "paid").expect(200, "the merchant (buyer) pays");
        platform.act(seller, trade, "confirm").expect(200, "the taker (seller) confirms");
        completed(trade);
        awaitTrade(seller, order, "COMPLETED");
        assertBalances(merchant, "99.9", "0", "0");
        assertBalances(seller, "100", "0", "0");
        assertAmount("200", amount(platform.ad(merchant, ad), "remaining"), "BUY ad remaining");
    }
}
