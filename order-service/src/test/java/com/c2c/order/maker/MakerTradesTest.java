package com.c2c.order.maker;

import static com.c2c.order.maker.Maker.USDT;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.Topics;
import com.c2c.order.Publish;
import com.c2c.order.Publish.Trade;
import com.c2c.order.Rest;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/v1/maker/trades and /fills: the maker's own, paged by cursor, none twice and none missed. */
@QuarkusTest
class MakerTradesTest {

    @Test
    void pagingThroughTradesAndFillsSeesEachOnceEvenWhileNewOnesArrive() {
        String maker = Maker.newMaker();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String ad = Maker.fundedSellAd(maker, "sell-1", book);
            List<String> first = trades(maker, ad, 7);

            List<String> seen = new ArrayList<>();
            String cursor = null;
            for (int page = 0; page < 3; page++) {
                JsonPath body = page(maker, "trades", cursor, 3);
                seen.addAll(body.getList("items.tradeId"));
                cursor = body.getString("nextCursor");
                assertEquals(page < 2, body.getBoolean("hasMore"), "page " + page);
            }
            assertEquals(7, seen.size());
            assertEquals(Set.copyOf(first), new LinkedHashSet<>(seen), "each trade once");

            // New trades arrive after the last page: the same cursor finds exactly them, then nothing.
            List<String> later = trades(maker, ad, 2);
            JsonPath next = page(maker, "trades", cursor, 3);
            assertEquals(later.stream().sorted().toList(), next.getList("items.tradeId", String.class).stream()
                    .sorted().toList());
            assertFalse(next.getBoolean("hasMore"));
            JsonPath end = page(maker, "trades", next.getString("nextCursor"), 3);
            assertTrue(end.getList("items").isEmpty());

            // Fills: the same trades by the time they were matched.
            List<String> fills = new ArrayList<>();
            String fillCursor = null;
            do {
                JsonPath body = page(maker, "fills", fillCursor, 4);
                fills.addAll(body.getList("items.tradeId"));
                fillCursor = body.getBoolean("hasMore") ? body.getString("nextCursor") : null;
            } while (fillCursor != null);
            assertEquals(9, fills.size());
            assertEquals(9, Set.copyOf(fills).size());
            Rest.asMerchant(maker).when().get("/api/v1/maker/fills?limit=1").then().statusCode(200)
                    .body("items[0].clientAdId", equalTo("sell-1")).body("items[0].quantity", equalTo(10f))
                    .body("items[0].side", equalTo("SELL")).body("items[0].price", equalTo(7.20f));
            Rest.asMerchant(maker).when().get("/api/v1/maker/trades?limit=1").then().statusCode(200)
                    .body("items[0].status", equalTo("OPENED")).body("items[0].sellerId", equalTo(maker));
            Maker.ads(maker).then().body("items[0].traded", equalTo(90f)).body("items[0].remaining", equalTo(910f));

            // Only the caller's; bad cursors and limits are refused.
            Rest.asMerchant(Maker.newMaker()).when().get("/api/v1/maker/trades").then().statusCode(200)
                    .body("items", hasSize(0));
            Rest.asMerchant(maker).when().get("/api/v1/maker/trades?cursor=nope").then().statusCode(400)
                    .body("errors.field", contains("cursor"));
            Rest.asMerchant(maker).when().get("/api/v1/maker/fills?limit=101").then().statusCode(400)
                    .body("errors.field", contains("limit"));
        }
    }

    /** {@code n} fills of 10 USDT on the ad, applied; returns their trade ids. */
    private static List<String> trades(String maker, String ad, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Trade t = Trade.of(Maker.MARKET, UUID.randomUUID().toString(), "taker-" + UUID.randomUUID(), "BUY", ad,
                    maker, 720, 10 * USDT);
            Publish.tradeMatched(t);
            ids.add(t.tradeId());
        }
        String last = "'" + ids.getLast() + "'";
        await().atMost(Publish.DEADLINE).until(() -> TestDatabase.queryLong(
                "select count(*) from order_trade where matched and trade_id = " + last) == 1);
        return ids;
    }

    private static JsonPath page(String maker, String list, String cursor, int limit) {
        return Rest.asMerchant(maker).queryParam("limit", limit)
                .queryParams(cursor == null ? java.util.Map.of() : java.util.Map.of("cursor", cursor))
                .when().get("/api/v1/maker/" + list).then().statusCode(200).extract().jsonPath();
    }
}
