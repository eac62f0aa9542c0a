package com.c2c.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.c2c.e2e.EventLog.Event;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Delivery twice and crashes: neither may lose a trade or move money twice. */
class ReplayAndRestartTest extends TradeScenarios {
    private static final List<String> ALL_TOPICS = List.of(Topics.ORDER_EVENTS, Topics.MATCHING_EVENTS,
            Topics.WALLET_COMMANDS, Topics.WALLET_EVENTS, Topics.TRADE_FUNDS, Topics.ESCROW_EVENTS);

    @Test
    void everyCommandAndEventDeliveredAgainChangesNothing() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        String seller = user("seller", "200");
        String buyer = user("buyer", "0");
        String ad = activeAd(seller, "SELL", "0.80", "200", "10.00", "160.00");
        String order = platform.placeExpress(buyer, "BUY", FIAT, "EXPRESS_FIAT", "80.00", METHOD, "0.80");
        String trade = lockedTrade(buyer, order);
        platform.act(buyer, trade, "paid").expect(200, "paid");
        platform.act(seller, trade, "confirm").expect(200, "confirm");
        completed(trade);
        awaitTrade(buyer, order, "COMPLETED");
        assertBalances(buyer, "99.9", "0", "0");

        List<Event> history = EventLog.read(ALL_TOPICS, start,
                e -> e.value().contains(seller) || e.value().contains(buyer) || e.value().contains(order));
        assertFalse(history.isEmpty());
        List<String> types = history.stream().map(Event::type).distinct().toList();
        for (String expected : List.of(EventTypes.AD_POSTED, EventTypes.AD_LISTED, EventTypes.ORDER_PLACED,
                EventTypes.TRADE_MATCHED, EventTypes.FUNDS_LOCKED, EventTypes.RELEASE_FUNDS,
                EventTypes.FUNDS_RELEASED, EventTypes.TRADE_COMPLETED)) {
            assertFalse(!types.contains(expected), "the trade's history has " + expected + ": " + types);
        }

        // Every event again under its own id (a redelivery), and every wallet command under a new id (a re-send).
        EventLog.publishAgain(history, false);
        EventLog.publishAgain(history.stream().filter(e -> e.topic().equals(Topics.WALLET_COMMANDS)).toList(), true);
        EventLog.awaitConsumed(Map.of(
                "order-service", List.of(Topics.WALLET_EVENTS, Topics.MATCHING_EVENTS, Topics.ESCROW_EVENTS),
                "matching-engine", List.of(Topics.ORDER_EVENTS),
                "wallet-service", List.of(Topics.ORDER_EVENTS, Topics.WALLET_COMMANDS, Topics.MATCHING_EVENTS),
                "escrow-service", List.of(Topics.WALLET_EVENTS, Topics.TRADE_FUNDS, Topics.ORDER_EVENTS)),
                Duration.ofSeconds(60));

        assertBalances(buyer, "99.9", "0", "0");
        assertBalances(seller, "0", "100", "0");
        assertAmount("100", amount(platform.ad(seller, ad), "remaining"), "ad remaining");
        assertEquals("COMPLETED", platform.order(buyer, order).path("tradeStatus").asText());
        List<Event> after = EventLog.read(ALL_TOPICS, start, e -> e.value().contains(order));
        assertEquals(1, count(after, EventTypes.TRADE_MATCHED), "still one trade for the order");
        assertEquals(1, count(after, EventTypes.TRADE_COMPLETED), "the trade completed once");
    }

    @Test
    void servicesRestartedMidTradeAndTheTradeStillCompletes() throws Exception {
        String seller = user("seller", "100");
        String buyer = user("buyer", "0");
        activeAd(seller, "SELL", "0.80", "100", "10.00", "80.00");

        services("stop", "wallet-service");
        String order;
        try {
            order = platform.placeExpress(buyer, "BUY", FIAT, "EXPRESS_FIAT", "40.00", METHOD, "0.80");
            awaitTrade(buyer, order, "OPENED"); // matched; the lock (and escrow's trade, ADR 0028) waits for the wallet
        } finally {
            services("start", "wallet-service");
        }
        String trade = lockedTrade(buyer, order);

        services("stop", "escrow-service");
        services("start", "escrow-service");
        platform.act(buyer, trade, "paid").expect(200, "paid after escrow restarted");

        services("stop", "order-service");
        try {
            platform.act(seller, trade, "confirm").expect(200, "confirm while order-service is down");
        } finally {
            services("start", "order-service");
        }
        completed(trade);
        JsonNode done = awaitTrade(buyer, order, "COMPLETED");
        assertEquals(trade, done.path("tradeId").asText());
        assertBalances(buyer, "49.95", "0", "0");
        assertBalances(seller, "0", "50", "0");
    }

    private static long count(List<Event> events, String type) {
        return events.stream().filter(e -> type.equals(e.type())).map(Event::id).distinct().count();
    }

    /** deploy/local/services.sh, as an operator would run it. */
    private static void services(String command, String service) throws IOException, InterruptedException {
        File root = new File(System.getProperty("c2c.root", ".."));
        Process p = new ProcessBuilder("bash", "deploy/local/services.sh", command, service).directory(root)
                .inheritIO().start();
        if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("services.sh " + command + " " + service + " failed");
        }
    }
}
