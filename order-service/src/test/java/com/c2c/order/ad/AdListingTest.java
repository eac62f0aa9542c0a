package com.c2c.order.ad;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.order.Publish;
import com.c2c.order.Rest;
import com.c2c.testkit.ListWalk;
import com.c2c.testkit.TopicProbe;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The public listing of a market's ads: only what a taker can take, best price first, filtered. */
@QuarkusTest
class AdListingTest {
    private static final Duration DEADLINE = Publish.DEADLINE;
    private static final String FIAT = "AUD";
    private static final String MARKET = "USDT-AUD";

    @Test
    void aMarketsAdsAreListedBestPriceFirstWithFilters() {
        String m = "lister-" + UUID.randomUUID();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS)) {
            String olderAt150 = funded(m, "1.50", "1000", "100", "2000", "\"BANK_TRANSFER\"", book);
            String at145 = funded(m, "1.45", "1000", "600", "1000", "\"BANK_TRANSFER\"", book);
            String newerAt150 = funded(m, "1.50", "200", "10", "2000", "\"WISE\",\"BANK_TRANSFER\"", book);
            String paused = funded(m, "1.40", "1000", "10", "2000", "\"BANK_TRANSFER\"", book);
            Rest.adAction(m, paused, "pause").then().statusCode(200);
            Rest.ad(m, "SELL", FIAT, "1.30", "1000", "10", "2000", "\"BANK_TRANSFER\""); // never funded
            String buyAt130 = Rest.ad(m, "BUY", FIAT, "1.30", "1000", "10", "2000", "\"BANK_TRANSFER\"");
            String buyAt135 = Rest.ad(m, "BUY", FIAT, "1.35", "1000", "10", "2000", "\"BANK_TRANSFER\"");

            await().atMost(DEADLINE).untilAsserted(() -> assertEquals(List.of(at145, olderAt150, newerAt150),
                    ids("side=SELL")));
            assertEquals(List.of(buyAt135, buyAt130), ids("side=buy"));
            assertEquals(List.of(newerAt150), ids("side=SELL&paymentMethod=WISE"));
            // 500.00 AUD: within the limits of the older 1.50 ad only (the 1.45 ad starts at 600, and the newer
            // 1.50 ad's 200 USDT are worth only 300 AUD).
            assertEquals(List.of(olderAt150), ids("side=SELL&amount=500.00"));
            assertEquals(List.of(olderAt150, newerAt150), ids("side=SELL&amount=290"));
            // One at a time, the two 1.50 ads in age order: the cursor carries price, age and id.
            assertEquals(List.of(at145, olderAt150, newerAt150), ListWalk.field(ListWalk.walk(RestAssured::given,
                    "/api/v1/markets/" + MARKET + "/ads?side=SELL", 1, page -> { }), "id"));

            given().when().get("/api/v1/markets/" + MARKET + "/ads?side=SELL").then().statusCode(200)
                    .body("items[0].id", equalTo(at145)).body("items[0].price", equalTo(1.45f))
                    .body("items[0].remaining", equalTo(1000f)).body("items[0].ownerId", equalTo(m))
                    .body("items[0].priceType", equalTo("FIXED")).body("items[0].paymentWindowMinutes", equalTo(15))
                    .body("items[0].minOrder", equalTo(600.00f)).body("items[0].paymentMethods", hasItem("BANK_TRANSFER"))
                    .body("hasMore", equalTo(false));
        }
        given().when().get("/api/v1/markets/" + MARKET + "/ads").then().statusCode(400)
                .body("errors.field", hasItem("side"));
        given().when().get("/api/v1/markets/USDT-XYZ/ads?side=SELL").then().statusCode(400)
                .body("errors.field", hasItem("market"));
        given().when().get("/api/v1/markets/" + MARKET + "/ads?side=SELL&paymentMethod=CASH").then().statusCode(400)
                .body("errors.field", hasItem("paymentMethod"));
        given().when().get("/api/v1/markets/" + MARKET + "/ads?side=SELL&amount=1.001").then().statusCode(400)
                .body("errors.field", hasItem("amount"));
        given().when().get("/api/v1/markets/" + MARKET + "/ads?side=SELL&amount=lots").then().statusCode(400)
                .body("errors.field", hasItem("amount"));
    }

    @Test
    void theListingPagesByCursorInItsOrderWhileAdsArrive() {
        // BUY ads are listed as soon as they are posted, highest price first: the order whose keyset runs on
        // the negated price. Its own market, so that the other test's exact lists stay as they are.
        String m = "pager-" + UUID.randomUUID();
        String listing = "/api/v1/markets/USDT-NZD/ads?side=BUY";
        String a150 = buyNzd(m, "1.50");
        String b160 = buyNzd(m, "1.60");
        String c150 = buyNzd(m, "1.50");
        String d140 = buyNzd(m, "1.40");
        String e155 = buyNzd(m, "1.55");
        List<String> meanwhile = new ArrayList<>();

        var seen = ListWalk.walk(RestAssured::given, listing, 2, page -> {
            if (page == 0) { // after b160, e155: a better price lands before the cursor, a worse one after it
                meanwhile.add(buyNzd(m, "1.70"));
                meanwhile.add(buyNzd(m, "1.45"));
            } else if (page == 1) { // after a150, c150: the same price, younger, comes right after them
                meanwhile.add(buyNzd(m, "1.50"));
            }
        });
        String f170 = meanwhile.get(0);
        String g145 = meanwhile.get(1);
        String h150 = meanwhile.get(2);
        assertEquals(List.of(b160, e155, a150, c150, h150, g145, d140), ListWalk.field(seen, "id"));
        assertEquals(List.of(f170, b160, e155, a150, c150, h150, g145, d140),
                ListWalk.field(ListWalk.walk(RestAssured::given, listing, 3, page -> { }), "id"));
        ListWalk.refusesBadPaging(RestAssured::given, listing);
    }

    private static String buyNzd(String owner, String price) {
        return Rest.ad(owner, "BUY", "NZD", price, "1000", "10", "2000", "\"BANK_TRANSFER\"");
    }

    private static List<String> ids(String query) {
        return given().when().get("/api/v1/markets/" + MARKET + "/ads?" + query).then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
    }

    private static String funded(String owner, String price, String quantity, String min, String max, String methods,
            TopicProbe book) {
        String ad = Rest.ad(owner, "SELL", FIAT, price, quantity, min, max, methods);
        Publish.adFundsReserved(ad, owner, Long.parseLong(quantity) * 1_000_000L);
        book.await(AdLifecycleTest.of(EventTypes.AD_LISTED, ad), DEADLINE);
        return ad;
    }
}
