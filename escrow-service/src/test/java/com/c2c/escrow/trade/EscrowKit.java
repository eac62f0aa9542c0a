package com.c2c.escrow.trade;

import com.c2c.testkit.As;
import static io.restassured.RestAssured.given;

import com.c2c.events.EventCatalog;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the escrow tests share: feeding escrow the events it consumes (on the test run's own topics),
 * calling its API as a user, and finding a trade's messages among everything on the shared topics.
 */
final class EscrowKit {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final long QUANTITY = 100_000_000L;

    private EscrowKit() {
    }

    /** A matched trade: its id and parties (unique to the test), and the ad it was matched on. */
    record Matched(UUID id, String buyer, String seller, UUID ad) {
        String tradeId() {
            return id.toString();
        }
    }

    static String topic(String channel) {
        return ConfigProvider.getConfig().getValue("c2c.in." + channel, String.class);
    }

    static String user(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A trade the book matched (not yet published anywhere): 100 USDT at 7.20 CNY, on the ad {@code ad}. */
    static Matched matched(UUID ad) {
        return new Matched(UUID.randomUUID(), user("buyer"), user("seller"), ad);
    }

    /**
     * The wallet locked the USDT of a trade the book matched (ADR 0028): its FundsLocked, with the trade's terms,
     * opens the trade in escrow. Returns the event's id.
     */
    static String lockedOnMatch(TestEvents events, Matched m) {
        return publishWallet(events, m, "trade-funds", EventTypes.FUNDS_LOCKED, """
                {"tradeId":"%s","sellerId":"%s","buyerId":"%s","quantityMicros":%d,"terms":%s}"""
                .formatted(m.id, m.seller, m.buyer, QUANTITY, termsJson(m)));
    }

    /** The wallet could not lock the USDT of a trade the book matched (ADR 0028). Returns the event's id. */
    static String lockRefusedOnMatch(TestEvents events, Matched m, String reason) {
        return publishWallet(events, m, "trade-funds", EventTypes.TRADE_LOCK_REFUSED, """
                {"tradeId":"%s","sellerId":"%s","buyerId":"%s","quantityMicros":%d,"terms":%s,
                 "reason":"%s","message":"refused by the test"}"""
                .formatted(m.id, m.seller, m.buyer, QUANTITY, termsJson(m), reason));
    }

    private static String termsJson(Matched m) {
        return """
                {"market":"USDT-CNY","takerOrderId":"%s","makerOrderId":"%s","priceMinor":720,"fiatAmountMinor":72000}"""
                .formatted(UUID.nameUUIDFromBytes(m.id.toString().getBytes()), m.ad);
    }

    /**
     * A trade as escrow opened it before ADR 0028, stored as such: OPENED, its LockFunds sent (by the escrow of
     * then, so not in this outbox) and not answered yet. Escrow still finishes such trades after an upgrade.
     */
    static Matched openedBeforeAdr0028(UUID ad) {
        Matched m = matched(ad);
        opened(m);
        return m;
    }

    static void opened(Matched m) {
        TestDatabase.update("""
                insert into trade (id, market, taker_order_id, maker_order_id, buyer_id, seller_id, quantity_micros,
                                   price_minor, fiat_amount_minor, status, created_at, updated_at, version)
                values ('%s', 'USDT-CNY', '%s', '%s', '%s', '%s', %d, 720, 72000, 'OPENED', now(), now(), 0)"""
                .formatted(m.id, UUID.nameUUIDFromBytes(m.id.toString().getBytes()), m.ad, m.buyer, m.seller,
                        QUANTITY));
    }

    /** A wallet outcome about the trade, keyed by the seller as the wallet keys them; returns its event id. */
    static String wallet(TestEvents events, Matched m, String type) {
        return publishWallet(events, m, type, walletData(m, type));
    }

    /** The data of a wallet outcome of that type about the trade (FundsLocked: the answer to a LockFunds, no terms). */
    static String walletData(Matched m, String type) {
        return switch (type) {
            case EventTypes.FUNDS_LOCKED -> """
                    {"tradeId":"%s","sellerId":"%s","buyerId":"%s","quantityMicros":%d}"""
                    .formatted(m.id, m.seller, m.buyer, QUANTITY);
            case EventTypes.FUNDS_REFUNDED -> """
                    {"tradeId":"%s","sellerId":"%s","quantityMicros":%d}""".formatted(m.id, m.seller, QUANTITY);
            case EventTypes.WALLET_COMMAND_REJECTED -> rejection(m, EventTypes.LOCK_FUNDS, "INSUFFICIENT_RESERVED");
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** The wallet's refusal of escrow's {@code command} about the trade; returns its event id. */
    static String walletRefused(TestEvents events, Matched m, String command, String reason) {
        return publishWallet(events, m, EventTypes.WALLET_COMMAND_REJECTED, rejection(m, command, reason));
    }

    private static String rejection(Matched m, String command, String reason) {
        return """
                {"commandId":"%s:%s","command":"%s","subjectId":"%s","ownerId":"%s",
                 "reason":"%s","message":"refused by the test"}"""
                .formatted(command, m.id, command, m.id, m.seller, reason);
    }

    static String fundsReleased(TestEvents events, Matched m, long feeMicros) {
        return publishWallet(events, m, EventTypes.FUNDS_RELEASED, """
                {"tradeId":"%s","sellerId":"%s","buyerId":"%s","quantityMicros":%d,"feeMicros":%d}"""
                .formatted(m.id, m.seller, m.buyer, QUANTITY, feeMicros));
    }

    /** On the topic the wallet publishes the type on: a trade's funds on their own (ADR 0019), refusals on wallet events. */
    private static String publishWallet(TestEvents events, Matched m, String type, String data) {
        boolean tradeFunds = EventCatalog.byName(type).orElseThrow().topic().equals(Topics.TRADE_FUNDS);
        return publishWallet(events, m, tradeFunds ? "trade-funds" : "wallet-events", type, data);
    }

    /** A wallet outcome on the given channel's topic; returns its event id. */
    static String publishWallet(TestEvents events, Matched m, String channel, String type, String data) {
        String id = UUID.randomUUID().toString();
        events.publish(topic(channel), m.seller, id, type, data);
        return id;
    }

    /** A trade the book matched and the wallet locked; returns once escrow opened it, LOCKED. */
    static Matched locked(TestEvents events, TopicProbe escrowEvents) {
        Matched m = matched(UUID.randomUUID());
        lockedOnMatch(events, m);
        awaitEvent(escrowEvents, m, EventTypes.TRADE_LOCKED);
        return m;
    }

    static void awaitOpened(Matched m) {
        Awaitility.await().atMost(WAIT).until(() -> status(m) != null);
    }

    /** A locked trade the buyer has marked paid. */
    static Matched paid(TestEvents events, TopicProbe escrowEvents) {
        Matched m = locked(events, escrowEvents);
        act(m.buyer, m.id, "paid").statusCode(200);
        return m;
    }

    /** Escrow's message of that type about the trade (a lifecycle event, or a command to the wallet). */
    static ConsumedEvent awaitEvent(TopicProbe probe, Matched m, String type) {
        return probe.await(e -> type.equals(e.type()) && m.tradeId().equals(e.cloudEvent().get("subject")), WAIT);
    }

    static long count(TopicProbe probe, Matched m, String type) {
        return probe.seen().stream()
                .filter(e -> type.equals(e.type()) && m.tradeId().equals(e.cloudEvent().get("subject")))
                .count();
    }

    /** How many events of the type escrow has recorded about the trade (published or about to be). */
    static long outboxed(Matched m, String type) {
        return TestDatabase.queryLong("select count(*) from outbox_event where subject = '" + m.id
                + "' and type = '" + type + "'");
    }

    /** How many of the wallet's events escrow's consumers have taken in (applied or found already applied). */
    static long walletEventsConsumed(String eventId) {
        return TestDatabase.queryLong("select count(*) from inbox_event where consumer in"
                + " ('escrow.wallet-events', 'escrow.trade-funds') and event_id = '" + eventId + "'");
    }

    static ValidatableResponse act(String user, UUID trade, String action) {
        return As.user(user).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .when().post("/api/v1/trades/" + trade + "/" + action)
                .then();
    }

    static ValidatableResponse dispute(String user, UUID trade, String reason, String evidence) {
        String body = evidence == null
                ? "{\"reason\":\"%s\"}".formatted(reason)
                : "{\"reason\":\"%s\",\"evidence\":\"%s\"}".formatted(reason, evidence);
        return As.user(user).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/trades/" + trade + "/dispute")
                .then();
    }

    static ValidatableResponse resolve(String arbiter, UUID trade, String outcome) {
        return As.user(arbiter, "arbiter").contentType(ContentType.JSON)
                .body("{\"outcome\":\"%s\",\"note\":\"checked the statements\"}".formatted(outcome))
                .when().post("/api/v1/trades/" + trade + "/resolution")
                .then();
    }

    static ValidatableResponse get(String user, UUID trade) {
        return As.user(user).when().get("/api/v1/trades/" + trade).then();
    }

    static String status(Matched m) {
        return TestDatabase.queryString("select status from trade where id = '" + m.id + "'");
    }
}
