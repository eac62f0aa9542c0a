package com.c2c.order;

import com.c2c.events.EventTypes;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/** Feeds the service's consumers as the wallet, the book and escrow would, on the test run's fresh topics. */
public final class Publish {
    private static final TestEvents EVENTS = new TestEvents();
    public static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Pattern QUANTITY = Pattern.compile("\"quantityMicros\":(\\d+)");

    private Publish() {
    }

    private static String topic(String channel) {
        return ConfigProvider.getConfig().getValue("c2c.in." + channel, String.class);
    }

    /** Publishes under a new event id; returns it. */
    public static String event(String channel, String key, String type, String json) {
        String id = UUID.randomUUID().toString();
        event(channel, key, id, type, json);
        return id;
    }

    public static void event(String channel, String key, String id, String type, String json) {
        EVENTS.publish(topic(channel), key, id, type, json);
    }

    /** Waits until the service has applied the event (its id is in the consumer's inbox). */
    public static void awaitApplied(String consumer, String eventId) {
        Awaitility.await().atMost(DEADLINE).until(() -> TestDatabase.queryLong(
                "select count(*) from inbox_event where consumer = '" + consumer + "' and event_id = '" + eventId
                        + "'") == 1);
    }

    /** The USDT (micro-units) of all ReleaseReservation commands about {@code subject} among {@code seen}. */
    public static long released(List<ConsumedEvent> seen, String subject) {
        return seen.stream()
                .filter(e -> EventTypes.RELEASE_RESERVATION.equals(e.type())
                        && subject.equals(e.cloudEvent().get("subject")))
                .mapToLong(e -> {
                    Matcher m = QUANTITY.matcher(e.data());
                    if (!m.find()) {
                        throw new AssertionError("no quantity in " + e.data());
                    }
                    return Long.parseLong(m.group(1));
                }).sum();
    }

    // --- the wallet -------------------------------------------------------------------------------

    public static String adFundsReserved(String adId, String owner, long micros) {
        return event("wallet-events", owner, EventTypes.AD_FUNDS_RESERVED, """
                {"adId":"%s","ownerId":"%s","asset":"USDT","quantityMicros":%d}""".formatted(adId, owner, micros));
    }

    public static String fundsReserved(String orderId, String owner, long micros) {
        return event("wallet-events", owner, EventTypes.FUNDS_RESERVED, """
                {"commandId":"reserve-order:%s","orderId":"%s","ownerId":"%s","quantityMicros":%d}"""
                .formatted(orderId, orderId, owner, micros));
    }

    public static String commandRejected(String command, String commandId, String subjectId, String owner,
            String reason, String message) {
        return event("wallet-events", owner, EventTypes.WALLET_COMMAND_REJECTED, """
                {"commandId":"%s","command":"%s","subjectId":"%s","ownerId":"%s","reason":"%s","message":"%s"}"""
                .formatted(commandId, command, subjectId, owner, reason, message));
    }

    // --- the book ---------------------------------------------------------------------------------

    /** A fill of {@code makerOrderId} (an ad) by {@code takerOrderId}; the taker's side decides buyer and seller. */
    public static String tradeMatched(Trade t) {
        return event("matching-events", t.market(), EventTypes.TRADE_MATCHED, """
                {"tradeId":"%s","market":"%s","sequence":1,"takerOrderId":"%s","takerId":"%s",
                 "makerOrderId":"%s","makerId":"%s","buyerId":"%s","sellerId":"%s","priceMinor":%d,
                 "quantityMicros":%d,"fiatAmountMinor":%d}""".formatted(t.tradeId(), t.market(), t.takerOrderId(),
                t.taker(), t.makerOrderId(), t.maker(), t.buyer(), t.seller(), t.priceMinor(), t.quantityMicros(),
                t.fiatMinor()));
    }

    public static String orderRejected(String orderId, String market, String reason, String message) {
        return event("matching-events", market, EventTypes.ORDER_REJECTED, """
                {"orderId":"%s","market":"%s","reason":"%s","message":"%s"}"""
                .formatted(orderId, market, reason, message));
    }

    /** The book's refusal naming the input it refused ({@code command}: its CloudEvent type). */
    public static String orderRejected(String orderId, String market, String reason, String message, String command) {
        return event("matching-events", market, EventTypes.ORDER_REJECTED, """
                {"orderId":"%s","market":"%s","reason":"%s","message":"%s","command":"%s"}"""
                .formatted(orderId, market, reason, message, command));
    }

    public static String bookQuantityCancelled(String orderId, String market, String owner, long micros) {
        return event("matching-events", market, EventTypes.BOOK_QUANTITY_CANCELLED, """
                {"orderId":"%s","market":"%s","ownerId":"%s","quantityMicros":%d,"reason":"REQUESTED"}"""
                .formatted(orderId, market, owner, micros));
    }

    // --- escrow -----------------------------------------------------------------------------------

    /** A TradeStateChanged of {@code type} (EventTypes.TRADE_*), keyed by the trade id as escrow does. */
    public static String escrow(String type, Trade t, String status, Instant deadline) {
        return event("escrow-events", t.tradeId(), type, """
                {"tradeId":"%s","market":"%s","takerOrderId":"%s","makerOrderId":"%s","buyerId":"%s",
                 "sellerId":"%s","quantityMicros":%d,"fiatAmountMinor":%d,"status":"%s","reason":null,
                 "deadline":%s,"feeMicros":0}""".formatted(t.tradeId(), t.market(), t.takerOrderId(),
                t.makerOrderId(), t.buyer(), t.seller(), t.quantityMicros(), t.fiatMinor(), status,
                deadline == null ? "null" : "\"" + deadline + "\""));
    }

    /** A trade between a taker order and an ad, as the book reports it. */
    public record Trade(String tradeId, String market, String takerOrderId, String taker, String makerOrderId,
            String maker, String buyer, String seller, long priceMinor, long quantityMicros, long fiatMinor) {

        /** {@code takerSide} BUY: the maker sells. */
        public static Trade of(String market, String takerOrderId, String taker, String takerSide, String adId,
                String maker, long priceMinor, long quantityMicros) {
            boolean takerBuys = "BUY".equals(takerSide);
            return new Trade(UUID.randomUUID().toString(), market, takerOrderId, taker, adId, maker,
                    takerBuys ? taker : maker, takerBuys ? maker : taker, priceMinor, quantityMicros,
                    (quantityMicros * priceMinor + 500_000) / 1_000_000);
        }
    }
}
