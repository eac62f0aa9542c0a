package com.c2c.escrow.trade;

import com.c2c.testkit.As;
import static com.c2c.escrow.trade.EscrowKit.act;
import static com.c2c.escrow.trade.EscrowKit.awaitEvent;
import static com.c2c.escrow.trade.EscrowKit.dispute;
import static com.c2c.escrow.trade.EscrowKit.fundsReleased;
import static com.c2c.escrow.trade.EscrowKit.get;
import static com.c2c.escrow.trade.EscrowKit.outboxed;
import static com.c2c.escrow.trade.EscrowKit.paid;
import static com.c2c.escrow.trade.EscrowKit.resolve;
import static com.c2c.escrow.trade.EscrowKit.wallet;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.escrow.trade.EscrowKit.Matched;
import com.c2c.events.EventTypes;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.ListWalk;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A party disputes a paid trade; an arbiter sends the USDT to the buyer or back to the seller. */
@QuarkusTest
class DisputeTest extends TradeTopics {
    private static final String ARBITER = "arbiter-1";



    @Test
    void theBuyerDisputesAndTheArbiterReleasesToTheBuyer() {
        Matched m = paid(events, escrowEvents);

        dispute(m.buyer(), m.id(), "I paid, the seller does not answer", "bank statement, reference 42")
                .statusCode(200)
                .body("status", equalTo("DISPUTED"))
                .body("reason", equalTo("I paid, the seller does not answer"))
                .body("deadline", nullValue())
                .body("dispute.openedBy", equalTo(m.buyer()))
                .body("dispute.evidence", equalTo("bank statement, reference 42"))
                .body("dispute.resolution", nullValue());
        ConsumedEvent disputed = awaitEvent(escrowEvents, m, EventTypes.TRADE_DISPUTED);
        assertTrue(disputed.data().contains("\"reason\":\"I paid, the seller does not answer\""), disputed.data());
        dispute(m.buyer(), m.id(), "I paid, the seller does not answer", null).statusCode(200);
        dispute(m.seller(), m.id(), "no money arrived", null).statusCode(409);
        act(m.seller(), m.id(), "confirm").statusCode(409);

        List<String> open = openDisputes();
        assertTrue(open.contains(m.tradeId()), open.toString());
        As.user(ARBITER, "arbiter")
                .when().get("/api/v1/trades/" + m.id())
                .then().statusCode(200).body("dispute.reason", equalTo("I paid, the seller does not answer"));

        resolve(ARBITER, m.id(), "RELEASE").statusCode(200)
                .body("status", equalTo("RESOLVED_RELEASED"))
                .body("reason", nullValue())
                .body("dispute.resolution", equalTo("RELEASE"))
                .body("dispute.note", equalTo("checked the statements"))
                .body("dispute.resolvedBy", equalTo(ARBITER))
                .body("dispute.reason", equalTo("I paid, the seller does not answer"));
        resolve(ARBITER, m.id(), "RELEASE").statusCode(200).body("status", equalTo("RESOLVED_RELEASED"));
        resolve(ARBITER, m.id(), "REFUND").statusCode(409)
                .body("detail", equalTo("trade is RESOLVED_RELEASED; only DISPUTED trades can be resolved"));
        ConsumedEvent release = awaitEvent(commands, m, EventTypes.RELEASE_FUNDS);
        assertEquals(m.seller(), release.key());

        fundsReleased(events, m, 100_000);
        ConsumedEvent completed = awaitEvent(escrowEvents, m, EventTypes.TRADE_COMPLETED);
        assertTrue(completed.data().contains("\"status\":\"RESOLVED_RELEASED\""), completed.data());
        assertTrue(completed.data().contains("\"feeMicros\":100000"), completed.data());
        get(m.buyer(), m.id()).statusCode(200).body("fee", equalTo(0.1f));
        List<String> stillOpen = openDisputes();
        assertTrue(!stillOpen.contains(m.tradeId()), "a resolved dispute is no longer listed");
        assertEquals(1, outboxed(m, EventTypes.RELEASE_FUNDS));
        assertEquals(0, outboxed(m, EventTypes.REFUND_FUNDS));
    }

    @Test
    void theSellerDisputesAndTheArbiterRefundsTheSeller() {
        Matched m = paid(events, escrowEvents);
        dispute(m.seller(), m.id(), "no money arrived", null).statusCode(200)
                .body("dispute.openedBy", equalTo(m.seller()))
                .body("dispute.evidence", nullValue());

        resolve(ARBITER, m.id(), "REFUND").statusCode(200)
                .body("status", equalTo("RESOLVED_REFUNDED"))
                .body("reason", equalTo("ARBITER_REFUND"))
                .body("dispute.resolution", equalTo("REFUND"));
        ConsumedEvent refund = awaitEvent(commands, m, EventTypes.REFUND_FUNDS);
        assertEquals(m.seller(), refund.key());

        wallet(events, m, EventTypes.FUNDS_REFUNDED);
        ConsumedEvent cancelled = awaitEvent(escrowEvents, m, EventTypes.TRADE_CANCELLED);
        assertTrue(cancelled.data().contains("\"status\":\"RESOLVED_REFUNDED\""), cancelled.data());
        assertTrue(cancelled.data().contains("\"reason\":\"ARBITER_REFUND\""), cancelled.data());
        assertEquals(0, outboxed(m, EventTypes.RELEASE_FUNDS));
    }

    @Test
    void arbitersSeeTheLongestWaitingDisputeFirst() {
        Matched first = paid(events, escrowEvents);
        Matched second = paid(events, escrowEvents);
        dispute(first.buyer(), first.id(), "first", null).statusCode(200);
        dispute(second.seller(), second.id(), "second", null).statusCode(200);

        List<String> open = openDisputes();
        assertTrue(open.indexOf(first.tradeId()) >= 0 && open.indexOf(first.tradeId()) < open.indexOf(
                second.tradeId()), open.toString());
        ListWalk.refusesBadPaging(() -> As.user(ARBITER, "arbiter"), "/api/v1/disputes");

        As.user(first.buyer()).when().get("/api/v1/disputes")
                .then().statusCode(403).body("type", equalTo("https://c2c.dev/problems/forbidden"));
        given().when().get("/api/v1/disputes").then().statusCode(401);
        resolve(first.buyer(), first.id(), "RELEASE").statusCode(403);
        // An arbiter who is a party of the trade does not decide it.
        As.user(first.seller(), "arbiter")
                .contentType("application/json").body("{\"outcome\":\"REFUND\"}")
                .when().post("/api/v1/trades/" + first.id() + "/resolution")
                .then().statusCode(403);
        assertEquals("DISPUTED", EscrowKit.status(first));
    }

    @Test
    void disputesPageByCursorInTheOrderTheyWereOpenedWhileNewOnesArrive() {
        List<Matched> trades = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            trades.add(paid(events, escrowEvents));
        }
        List<String> disputed = new ArrayList<>();
        for (Matched m : trades.subList(0, 4)) {
            dispute(m.buyer(), m.id(), "no answer", null).statusCode(200);
            disputed.add(m.tradeId());
        }
        List<String> mine = trades.stream().map(Matched::tradeId).toList();
        // Disputes opened while the arbiter pages wait longest-last: they come after the cursor and are seen,
        // each once; one resolved meanwhile drops out without shifting the pages after it.
        var seen = ListWalk.walk(() -> As.user(ARBITER, "arbiter"), "/api/v1/disputes", 2, page -> {
            if (page < 2) {
                Matched m = trades.get(4 + page);
                dispute(m.seller(), m.id(), "no money arrived", null).statusCode(200);
                disputed.add(m.tradeId());
            }
            if (page == 0) {
                resolve(ARBITER, trades.get(3).id(), "REFUND").statusCode(200);
                disputed.remove(trades.get(3).tradeId());
            }
        });
        List<String> ids = ListWalk.field(seen, "id");
        assertEquals(ids.size(), ids.stream().distinct().count(), "no dispute twice: " + ids);
        assertEquals(disputed, ids.stream().filter(mine::contains).toList());
        List<Instant> opened = seen.stream().map(trade -> (Map<?, ?>) trade.get("dispute"))
                .map(dispute -> Instant.parse((String) dispute.get("openedAt"))).toList();
        assertEquals(opened.stream().sorted().toList(), opened, "the longest-waiting first");
    }

    /** Every open dispute, page by page. */
    private static List<String> openDisputes() {
        return ListWalk.field(ListWalk.walk(() -> As.user(ARBITER, "arbiter"), "/api/v1/disputes", 100, page -> { }),
                "id");
    }
}
