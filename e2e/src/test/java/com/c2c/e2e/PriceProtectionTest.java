package com.c2c.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, found 6, through all five services: a newcomer's express SELL in a market whose only bid is far
 * below the reference price is not filled there — the book rejects it for its price limit (reference − 5 %)
 * and the wallet gives the reserved USDT back; an ad priced beyond the band around the reference is
 * refused. In a market of its own (SEK, reference 10.00), so the other scenarios' ads cannot fill it.
 */
class PriceProtectionTest extends TradeScenarios {
    private static final String SEK = "SEK";

    @Test
    void anExpressSellIsNotFilledBelowItsLimitAndItsUsdtComesBack() {
        platform.openMarket(SEK, "0.01");
        platform.setReferencePrice(SEK, "10.00");
        String merchant = user("merchant", "0");
        String newcomer = user("newcomer", "100");

        Map<String, Object> farBelow = new LinkedHashMap<>(Map.of("side", "BUY", "asset", "USDT", "fiat", SEK,
                "price", "0.01", "quantity", "1000", "minOrder", "0.01", "maxOrder", "10000"));
        farBelow.put("paymentMethods", new String[] {METHOD});
        Api.Answer refused = platform.order.post("/api/v1/ads", Api.As.user(merchant), farBelow,
                UUID.randomUUID().toString());
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("price", refused.body().path("errors").path(0).path("field").asText(), refused.toString());

        // 15 % below the reference: inside the ads' band (20 %), beyond a default taker's limit (5 %).
        activeAd(merchant, "BUY", SEK, "8.50", "1000", "10.00", "10000.00");

        String order = platform.placeExpress(newcomer, "SELL", SEK, "EXPRESS_QUANTITY", "100", METHOD);
        JsonNode rejected = awaitValue("order " + order + " REJECTED", () -> platform.order(newcomer, order),
                o -> "REJECTED".equals(o.path("status").asText()));
        assertTrue(rejected.path("rejectReason").asText().startsWith("PRICE_LIMIT"), rejected.toString());
        assertAmount("9.50", amount(rejected, "priceLimit"), "the limit derived from the reference");
        assertEquals("REFERENCE", rejected.path("priceLimitSource").asText());
        assertTrue(rejected.path("tradeId").isNull() || rejected.path("tradeId").isMissingNode(), rejected.toString());
        assertBalances(newcomer, "100", "0", "0");
    }
}
