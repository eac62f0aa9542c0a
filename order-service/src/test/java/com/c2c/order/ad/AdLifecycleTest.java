package com.c2c.order.ad;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.order.Publish;
import com.c2c.order.Publish.Trade;
import com.c2c.order.Rest;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Pause, resume and cancel: the book events each sends, and that the ad's reserved USDT is released
 * exactly once, by the right amount, whatever order the book's and escrow's answers arrive in.
 */
@QuarkusTest
class AdLifecycleTest {
    private static final Duration DEADLINE = Publish.DEADLINE;
    private static final String MARKET = "USDT-CNY";
    private static final long USDT = 1_000_000L;

    @Test
    void aResumeWaitsForTheBookToConfirmThePauseAndATradeCancelledMeanwhileIsKeptForTheAd() {
        String owner = maker();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS);
                TopicProbe wallet = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            String ad = fundedSellAd(owner, book);
            Trade t1 = matched(ad, owner, 300);
            awaitRemaining(owner, ad, "700");

            Rest.adAction(owner, ad, "pause").then().statusCode(200).body("status", equalTo("PAUSED"));
            Rest.adAction(owner, ad, "pause").then().statusCode(200).body("status", equalTo("PAUSED"));
            book.await(of(EventTypes.AD_WITHDRAWN, ad), DEADLINE);
            Rest.adAction(owner, ad, "resume").then().statusCode(200).body("status", equalTo("ACTIVE"));
            Rest.adAction(owner, ad, "resume").then().statusCode(200).body("status", equalTo("ACTIVE"));

            // The trade ends cancelled before the book confirmed the pause: the book no longer has the ad.
            Publish.escrow(EventTypes.TRADE_CANCELLED, t1, "CANCELLED", null);
            awaitRemaining(owner, ad, "1000");
            assertEquals(1, book.seen().stream().filter(of(EventTypes.AD_LISTED, ad)).count(), "not listed yet");

            Publish.bookQuantityCancelled(ad, MARKET, owner, 700 * USDT);
            List<ConsumedEvent> listings = book.awaitCount(of(EventTypes.AD_LISTED, ad), 2, DEADLINE);
            assertTrue(listings.get(1).data().contains("\"quantityMicros\":1000000000"), listings.get(1).data());

            // Listed again: a trade cancelled now goes straight back on the book.
            Trade t2 = matched(ad, owner, 100);
            awaitRemaining(owner, ad, "900");
            Publish.escrow(EventTypes.TRADE_CANCELLED, t2, "RESOLVED_REFUNDED", null);
            ConsumedEvent restored = book.await(of(EventTypes.AD_QUANTITY_RESTORED, ad), DEADLINE);
            assertTrue(restored.data().contains("\"quantityMicros\":100000000"), restored.data());
            assertTrue(restored.data().contains(t2.tradeId()), restored.data());
            awaitRemaining(owner, ad, "1000");
            assertEquals(1, book.seen().stream().filter(of(EventTypes.AD_QUANTITY_RESTORED, ad)).count());
            assertEquals(0, wallet.seen().stream().filter(e -> ad.equals(e.cloudEvent().get("subject"))).count(),
                    "a paused ad keeps its USDT reserved");
        }
    }

    @Test
    void cancellingAnActiveAdReleasesWhatTheBookReportsAndEachLaterCancelledTradeOnce() {
        String owner = maker();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS);
                TopicProbe wallet = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            String ad = fundedSellAd(owner, book);
            Trade t1 = matched(ad, owner, 200);
            awaitRemaining(owner, ad, "800");

            Rest.adAction(owner, ad, "cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
            book.await(of(EventTypes.AD_WITHDRAWN, ad), DEADLINE);
            // The book's number is the truth (here it says 750 though 800 was counted here).
            Publish.bookQuantityCancelled(ad, MARKET, owner, 750 * USDT);
            ConsumedEvent release = wallet.await(release("release-ad:" + ad + ":cancel"), DEADLINE);
            assertEquals(owner, release.key());
            assertEquals(EventTypes.RELEASE_RESERVATION, release.type());
            assertTrue(release.data().contains("\"quantityMicros\":750000000"), release.data());
            awaitRemaining(owner, ad, "0");

            // The trade ends cancelled after the ad: its refunded USDT is released, once.
            Publish.escrow(EventTypes.TRADE_CANCELLED, t1, "CANCELLED", null);
            ConsumedEvent tradeRelease = wallet.await(release("release-ad:" + ad + ":" + t1.tradeId()), DEADLINE);
            assertTrue(tradeRelease.data().contains("\"quantityMicros\":200000000"), tradeRelease.data());
            Publish.escrow(EventTypes.TRADE_CANCELLED, t1, "CANCELLED", null); // again, under a new event id
            String marker = Publish.escrow(EventTypes.TRADE_PAID, t1, "PAID", null); // same partition, after it
            Publish.awaitApplied("order.escrow-events", marker);
            assertEquals(2, wallet.seen().stream().filter(e -> ad.equals(e.cloudEvent().get("subject"))).count());
            assertEquals((750 + 200) * USDT, Publish.released(wallet.seen(), ad), "the book's rest and the trade's");
            assertEquals(0, book.seen().stream().filter(of(EventTypes.AD_QUANTITY_RESTORED, ad)).count());

            Rest.adAction(owner, ad, "cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
            Rest.adAction(owner, ad, "pause").then().statusCode(409).contentType("application/problem+json");
            Rest.adAction(owner, ad, "resume").then().statusCode(409);
            Rest.adAction("someone-else", ad, "cancel").then().statusCode(404);
        }
    }

    @Test
    void cancellingAPausedAdReleasesItsRemainingIncludingTradesReturnedWhilePaused() {
        String owner = maker();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS);
                TopicProbe wallet = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            String ad = fundedSellAd(owner, book);
            Trade t1 = matched(ad, owner, 400);
            Rest.adAction(owner, ad, "pause").then().statusCode(200);
            Publish.awaitApplied("order.matching-events", Publish.bookQuantityCancelled(ad, MARKET, owner, 600 * USDT));
            awaitRemaining(owner, ad, "600");
            Publish.awaitApplied("order.escrow-events", Publish.escrow(EventTypes.TRADE_CANCELLED, t1, "CANCELLED", null));
            awaitRemaining(owner, ad, "1000");

            Rest.adAction(owner, ad, "cancel").then().statusCode(200).body("remaining", equalTo(0f));
            ConsumedEvent release = wallet.await(release("release-ad:" + ad + ":cancel"), DEADLINE);
            assertTrue(release.data().contains("\"quantityMicros\":1000000000"), release.data());
            assertEquals(1, book.seen().stream().filter(of(EventTypes.AD_WITHDRAWN, ad)).count(),
                    "a paused ad is already off the book");
            assertEquals(1000 * USDT, Publish.released(wallet.seen(), ad), "all of the reservation, once");
            assertEquals(0, book.seen().stream().filter(of(EventTypes.AD_QUANTITY_RESTORED, ad)).count());
        }
    }

    @Test
    void aPausedAdCancelledBeforeTheBookConfirmedThePauseIsReleasedByTheBooksNumberAndEachTrade() {
        String owner = maker();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS);
                TopicProbe wallet = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            String ad = fundedSellAd(owner, book);
            Trade t1 = matched(ad, owner, 400);
            Rest.adAction(owner, ad, "pause").then().statusCode(200);
            Rest.adAction(owner, ad, "cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
            Publish.escrow(EventTypes.TRADE_CANCELLED, t1, "CANCELLED", null);
            ConsumedEvent trade = wallet.await(release("release-ad:" + ad + ":" + t1.tradeId()), DEADLINE);
            assertTrue(trade.data().contains("\"quantityMicros\":400000000"), trade.data());
            assertEquals(0, wallet.seen().stream().filter(release("release-ad:" + ad + ":cancel")).count(),
                    "what the book still has is known only from the book");

            Publish.bookQuantityCancelled(ad, MARKET, owner, 600 * USDT);
            ConsumedEvent rest = wallet.await(release("release-ad:" + ad + ":cancel"), DEADLINE);
            assertTrue(rest.data().contains("\"quantityMicros\":600000000"), rest.data());
            assertEquals(1, book.seen().stream().filter(of(EventTypes.AD_WITHDRAWN, ad)).count());
            assertEquals(1000 * USDT, Publish.released(wallet.seen(), ad), "all of the reservation, once");
        }
    }

    @Test
    void anAdCancelledBeforeItsFundingReleasesTheReservationWhenItArrives() {
        String owner = maker();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS);
                TopicProbe wallet = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            String ad = sellAd(owner);
            Rest.adAction(owner, ad, "resume").then().statusCode(409);
            Rest.adAction(owner, ad, "cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
            Publish.adFundsReserved(ad, owner, 1000 * USDT);
            ConsumedEvent release = wallet.await(release("release-ad:" + ad + ":cancel"), DEADLINE);
            assertTrue(release.data().contains("\"quantityMicros\":1000000000"), release.data());
            assertEquals(0, book.seen().stream().filter(of(EventTypes.AD_LISTED, ad)).count());
            Rest.adOf(owner, ad).then().body("status", equalTo("CANCELLED"));
            assertEquals(1000 * USDT, Publish.released(wallet.seen(), ad));
        }
    }

    @Test
    void anAdWhoseMarketIsNotOpenIsReleasedWholeOnCancel() {
        String owner = maker();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS);
                TopicProbe wallet = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            String ad = fundedSellAd(owner, book);
            String refused = Publish.orderRejected(ad, MARKET, "MARKET_NOT_OPEN", "market USDT-CNY is not open");
            Publish.awaitApplied("order.matching-events", refused);
            Rest.adAction(owner, ad, "cancel").then().statusCode(200);
            ConsumedEvent release = wallet.await(release("release-ad:" + ad + ":cancel"), DEADLINE);
            assertTrue(release.data().contains("\"quantityMicros\":1000000000"), release.data());
            assertEquals(0, book.seen().stream().filter(of(EventTypes.AD_WITHDRAWN, ad)).count(),
                    "the book never had it");
        }
    }

    @Test
    void aListingTheBookRefusesEndsRejectedWithItsFundsReleased() {
        String owner = maker();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS);
                TopicProbe wallet = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            String ad = fundedSellAd(owner, book);
            String refused = Publish.orderRejected(ad, MARKET, "PRICE_NOT_ON_TICK",
                    "the price must be a positive multiple of the market's tick", EventTypes.AD_LISTED);
            Publish.awaitApplied("order.matching-events", refused);
            ConsumedEvent release = wallet.await(release("release-ad:" + ad + ":book-refused"), DEADLINE);
            assertTrue(release.data().contains("\"quantityMicros\":1000000000"), release.data());
            Rest.adOf(owner, ad).then().statusCode(200).body("status", equalTo("REJECTED"))
                    .body("remaining", equalTo(0f));
        }
    }

    @Test
    void aWithdrawalOfAnAdTheBookDoesNotHoldEndsAndReleasesItsFunds() {
        String owner = maker();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS);
                TopicProbe wallet = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            String ad = fundedSellAd(owner, book);
            Rest.adAction(owner, ad, "cancel").then().statusCode(200);
            book.await(of(EventTypes.AD_WITHDRAWN, ad), DEADLINE);
            // The book never held it (say its listing was lost): the withdrawal is refused as unknown.
            String refused = Publish.orderRejected(ad, MARKET, "UNKNOWN_ID", "no live order or ad has this id",
                    EventTypes.AD_WITHDRAWN);
            Publish.awaitApplied("order.matching-events", refused);
            ConsumedEvent release = wallet.await(release("release-ad:" + ad + ":cancel"), DEADLINE);
            assertTrue(release.data().contains("\"quantityMicros\":1000000000"), release.data());
        }
    }

    /**
     * The book refuses a price change (off its tick): it holds the ad at the old price, so the ad goes back to
     * it and shows the book's reason; no USDT moves; a listing after a pause carries the book's price, and the
     * next accepted change clears the reason.
     */
    @Test
    void aPriceChangeTheBookRefusesGoesBackToThePriceTheBookHolds() {
        String owner = maker();
        try (TopicProbe book = TopicProbe.open(Topics.ORDER_EVENTS);
                TopicProbe wallet = TopicProbe.open(Topics.WALLET_COMMANDS)) {
            String ad = fundedSellAd(owner, book);
            Rest.as(owner).body("{\"price\":\"7.23\"}").when().patch("/api/v1/ads/" + ad).then().statusCode(200)
                    .body("price", equalTo(7.23f)).body("priceRejection", equalTo(null));
            ConsumedEvent amended = book.await(of(EventTypes.AD_AMENDED, ad), DEADLINE);
            assertTrue(amended.data().contains("\"priceMinor\":723"), amended.data());

            String refused = Publish.orderRejected(ad, MARKET, "PRICE_NOT_ON_TICK",
                    "the price must be a positive multiple of the market's tick", EventTypes.AD_AMENDED);
            Publish.awaitApplied("order.matching-events", refused);
            Rest.adOf(owner, ad).then().statusCode(200).body("price", equalTo(7.2f))
                    .body("priceRejection", equalTo("PRICE_NOT_ON_TICK")).body("status", equalTo("ACTIVE"))
                    .body("remaining", equalTo(1000f));
            assertEquals(0, wallet.seen().stream().filter(e -> ad.equals(e.cloudEvent().get("subject"))).count(),
                    "a refused price change moves no USDT");

            Rest.adAction(owner, ad, "pause").then().statusCode(200).body("status", equalTo("PAUSED"));
            book.await(of(EventTypes.AD_WITHDRAWN, ad), DEADLINE);
            Publish.bookQuantityCancelled(ad, MARKET, owner, 1000 * USDT);
            Rest.adAction(owner, ad, "resume").then().statusCode(200).body("status", equalTo("ACTIVE"));
            List<ConsumedEvent> listings = book.awaitCount(of(EventTypes.AD_LISTED, ad), 2, DEADLINE);
            assertTrue(listings.get(1).data().contains("\"priceMinor\":720"), listings.get(1).data());

            Rest.as(owner).body("{\"price\":\"7.30\"}").when().patch("/api/v1/ads/" + ad).then().statusCode(200)
                    .body("price", equalTo(7.3f)).body("priceRejection", equalTo(null));
        }
    }

    private static String maker() {
        return "maker-" + UUID.randomUUID();
    }

    /** The book matched a taker against the ad for {@code usdt}; order-service is told as the book tells it. */
    private static Trade matched(String ad, String owner, long usdt) {
        Trade trade = trade(ad, owner, usdt);
        Publish.tradeMatched(trade);
        return trade;
    }

    static String sellAd(String owner) {
        return Rest.ad(owner, "SELL", "CNY", "7.20", "1000", "100", "5000", "\"ALIPAY\"");
    }

    /** A SELL ad of 1000 USDT whose funds the wallet reserved, on the book. */
    static String fundedSellAd(String owner, TopicProbe book) {
        String ad = sellAd(owner);
        Publish.adFundsReserved(ad, owner, 1000 * USDT);
        book.await(of(EventTypes.AD_LISTED, ad), DEADLINE);
        return ad;
    }

    static Trade trade(String ad, String owner, long usdt) {
        return Trade.of(MARKET, UUID.randomUUID().toString(), "taker-" + UUID.randomUUID(), "BUY", ad, owner, 720,
                usdt * USDT);
    }

    static void awaitRemaining(String owner, String ad, String usdt) {
        await().atMost(DEADLINE).untilAsserted(() -> assertEquals(0, new BigDecimal(usdt).compareTo(
                new BigDecimal(Rest.adOf(owner, ad).then().statusCode(200).extract().path("remaining").toString()))));
    }

    static Predicate<ConsumedEvent> of(String type, String subject) {
        return e -> type.equals(e.type()) && subject.equals(e.cloudEvent().get("subject"));
    }

    static Predicate<ConsumedEvent> release(String commandId) {
        return e -> EventTypes.RELEASE_RESERVATION.equals(e.type()) && e.data().contains("\"" + commandId + "\"");
    }
}
