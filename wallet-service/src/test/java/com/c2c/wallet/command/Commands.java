package com.c2c.wallet.command;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.events.EventTypes;
import com.c2c.testkit.As;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TopicProbe;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The wallet's commands as their senders publish them, and the ledger read back, for the command tests. */
final class Commands {
    static final Duration DEADLINE = Duration.ofSeconds(30);

    private Commands() {
    }

    /** One command: its CloudEvent type, record key (the owner whose USDT moves), subject and JSON data. */
    record Command(String type, String key, UUID subject, String json) {
    }

    static Command reserve(String commandId, UUID orderId, String owner, long micros) {
        return new Command(EventTypes.RESERVE_FUNDS, owner, orderId, """
                {"commandId":"%s","orderId":"%s","ownerId":"%s","quantityMicros":%d}"""
                .formatted(commandId, orderId, owner, micros));
    }

    static Command releaseReservation(String commandId, UUID subjectId, String owner, long micros) {
        return new Command(EventTypes.RELEASE_RESERVATION, owner, subjectId, """
                {"commandId":"%s","subjectId":"%s","ownerId":"%s","quantityMicros":%d,"reason":"AD_CANCELLED"}"""
                .formatted(commandId, subjectId, owner, micros));
    }

    static Command lock(UUID trade, String seller, String buyer, long micros) {
        return new Command(EventTypes.LOCK_FUNDS, seller, trade, """
                {"tradeId":"%s","sellerId":"%s","buyerId":"%s","quantityMicros":%d}"""
                .formatted(trade, seller, buyer, micros));
    }

    static Command release(UUID trade, String seller, String buyer, long micros) {
        return new Command(EventTypes.RELEASE_FUNDS, seller, trade, """
                {"tradeId":"%s","sellerId":"%s","buyerId":"%s","quantityMicros":%d}"""
                .formatted(trade, seller, buyer, micros));
    }

    static Command refund(UUID trade, String seller, long micros) {
        return new Command(EventTypes.REFUND_FUNDS, seller, trade, """
                {"tradeId":"%s","sellerId":"%s","quantityMicros":%d}""".formatted(trade, seller, micros));
    }

    /** The answers on the wallet's event topic to commands about {@code subject}, of type {@code type}. */
    static List<ConsumedEvent> answers(TopicProbe out, UUID subject, String type, int atLeast) {
        return out.awaitCount(e -> subject.toString().equals(e.cloudEvent().get("subject")) && type.equals(e.type()),
                atLeast, DEADLINE);
    }

    static ConsumedEvent answer(TopicProbe out, UUID subject, String type) {
        return answers(out, subject, type, 1).get(0);
    }

    static void fund(String owner, String amount) {
        As.user("admin1", "admin").contentType(ContentType.JSON)
                .body("{\"ownerId\":\"" + owner + "\",\"asset\":\"USDT\",\"amount\":\"" + amount
                        + "\",\"reference\":\"fund-" + UUID.randomUUID() + "\"}")
                .when().post("/api/v1/wallet/admin/credits").then().statusCode(201);
    }

    /** The platform's fees: every FEES account (they are spread over several, see PlatformOwner.feesOwner). */
    static long fees() {
        return TestDatabase.queryLong(
                "select coalesce(sum(balance), 0) from ledger_account where asset = 'USDT' and kind = 'FEES'");
    }

    /** The owner's USDT balance of an account kind, in micro-units; zero when the account does not exist. */
    static long balance(String owner, String kind) {
        return TestDatabase.queryLong("select coalesce((select balance from ledger_account where owner_id = '" + owner
                + "' and asset = 'USDT' and kind = '" + kind + "'), 0)");
    }

    static void assertBalances(String owner, long available, long reserved, long locked) {
        assertEquals(List.of(available, reserved, locked),
                List.of(balance(owner, "AVAILABLE"), balance(owner, "RESERVED"), balance(owner, "LOCKED")),
                "available, reserved, locked of " + owner);
    }

    static long postings(String commandId) {
        return TestDatabase.queryLong("select count(*) from ledger_posting where command_id = '" + commandId + "'");
    }

    /** The ledger's own totals (LedgerQueries, the admin view): every asset's entries sum to zero and no balance drifted. */
    static void assertTotalsBalanced() {
        As.user("admin1", "admin").when().get("/api/v1/wallet/admin/totals")
                .then().statusCode(200).body("balanced", everyItem(equalTo(true)));
    }

    /** Every asset's entries sum to zero, and every account's balance is the sum of its entries. */
    static void assertConserved() {
        assertEquals(0L, TestDatabase.queryLong(
                "select count(*) from (select a.asset from ledger_entry e join ledger_account a on a.id = e.account_id "
                        + "group by a.asset having sum(e.amount) <> 0) unbalanced"));
        assertEquals(0L, TestDatabase.queryLong(
                "select count(*) from ledger_account a where a.balance <> "
                        + "(select coalesce(sum(amount), 0) from ledger_entry e where e.account_id = a.id)"));
    }
}
