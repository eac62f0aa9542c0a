package com.c2c.escrow.trade;

import com.c2c.testkit.As;
import static com.c2c.escrow.trade.EscrowKit.act;
import static com.c2c.escrow.trade.EscrowKit.dispute;
import static com.c2c.escrow.trade.EscrowKit.get;
import static com.c2c.escrow.trade.EscrowKit.locked;
import static com.c2c.escrow.trade.EscrowKit.outboxed;
import static com.c2c.escrow.trade.EscrowKit.paid;
import static com.c2c.escrow.trade.EscrowKit.resolve;
import static com.c2c.escrow.trade.EscrowKit.status;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.escrow.trade.EscrowKit.Matched;
import com.c2c.events.EventTypes;
import com.c2c.testkit.ListWalk;
import com.c2c.testkit.TestDatabase;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who may see and do what: 401 nobody, 404 strangers, 403 the other party, 409 the wrong moment, 400 bad input. */
@QuarkusTest
class TradeAccessTest extends TradeTopics {
    @Inject
    Scheduler scheduler;


    @AfterEach
    void close() {
        scheduler.resume("escrow-deadline-scan");
    }

    @Test
    void nobodyNamedIsUnauthenticated() {
        Matched m = locked(events, escrowEvents);
        given().when().get("/api/v1/trades/" + m.id()).then().statusCode(401)
                .body("type", equalTo("https://c2c.dev/problems/unauthenticated"));
        given().when().get("/api/v1/trades").then().statusCode(401);
        given().contentType(ContentType.JSON).when().post("/api/v1/trades/" + m.id() + "/paid").then().statusCode(401);
        assertEquals("LOCKED", status(m));
    }

    @Test
    void strangersSeeNothingAndTheOtherPartyIsForbidden() {
        Matched m = locked(events, escrowEvents);
        String stranger = EscrowKit.user("stranger");

        get(stranger, m.id()).statusCode(404).body("type", equalTo("https://c2c.dev/problems/not-found"));
        act(stranger, m.id(), "paid").statusCode(404);
        act(stranger, m.id(), "cancel").statusCode(404);
        get(m.buyer(), UUID.randomUUID()).statusCode(404);
        act(m.buyer(), UUID.randomUUID(), "paid").statusCode(404);
        resolve("arbiter-1", UUID.randomUUID(), "RELEASE").statusCode(404);

        act(m.seller(), m.id(), "paid").statusCode(403)
                .body("type", equalTo("https://c2c.dev/problems/forbidden"))
                .body("detail", equalTo("the trade can only be marked paid by the buyer"));
        act(m.seller(), m.id(), "cancel").statusCode(403);
        As.user("arbiter-1", "arbiter").contentType(ContentType.JSON)
                .when().post("/api/v1/trades/" + m.id() + "/paid")
                .then().statusCode(403);
        As.user("arbiter-1", "arbiter")
                .when().get("/api/v1/trades/" + m.id())
                .then().statusCode(200).body("buyerId", equalTo(m.buyer()));
        get(m.seller(), m.id()).statusCode(200).body("status", equalTo("LOCKED"));

        act(m.buyer(), m.id(), "paid").statusCode(200);
        act(m.buyer(), m.id(), "confirm").statusCode(403)
                .body("detail", equalTo("the trade can only be confirmed by the seller"));
        assertEquals("PAID", status(m));
        assertEquals(0, outboxed(m, EventTypes.RELEASE_FUNDS) + outboxed(m, EventTypes.REFUND_FUNDS));
    }

    @Test
    void actionsAtTheWrongMomentAreConflictsNamingTheStatus() {
        Matched m = paid(events, escrowEvents);

        act(m.buyer(), m.id(), "cancel").statusCode(409)
                .body("type", equalTo("https://c2c.dev/problems/trade-state"))
                .body("detail", equalTo("trade is PAID; only LOCKED trades can be cancelled"));
        resolve("arbiter-1", m.id(), "RELEASE").statusCode(409)
                .body("detail", equalTo("trade is PAID; only DISPUTED trades can be resolved"));
        Matched lockedOnly = locked(events, escrowEvents);
        dispute(lockedOnly.buyer(), lockedOnly.id(), "too early", null).statusCode(409)
                .body("detail", equalTo("trade is LOCKED; only PAID trades can be disputed"));
        act(lockedOnly.seller(), lockedOnly.id(), "confirm").statusCode(409);
        assertEquals("PAID", status(m));
        assertEquals("LOCKED", status(lockedOnly));
        assertEquals(1, outboxed(m, EventTypes.TRADE_PAID), "a refused action announces nothing");
    }

    @Test
    void payingAfterThePaymentDeadlineIsRefused() {
        Matched m = locked(events, escrowEvents);
        scheduler.pause("escrow-deadline-scan");
        TestDatabase.update("update trade set deadline_at = now() - interval '1 second' where id = '" + m.id() + "'");

        act(m.buyer(), m.id(), "paid").statusCode(409).body("detail", containsString("payment deadline passed"));
        assertEquals("LOCKED", status(m));
    }

    @Test
    void badDisputesAndResolutionsNameTheFieldAndChangeNothing() {
        Matched m = paid(events, escrowEvents);

        As.user(m.buyer()).contentType(ContentType.JSON).body("{\"evidence\":\"x\"}")
                .when().post("/api/v1/trades/" + m.id() + "/dispute")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        dispute(m.buyer(), m.id(), "x".repeat(501), null).statusCode(400).body("errors.field", hasItem("reason"));
        dispute(m.buyer(), m.id(), "ok", "e".repeat(4001)).statusCode(400).body("errors.field", hasItem("evidence"));
        As.user("arbiter-1", "arbiter").contentType(ContentType.JSON)
                .body("{\"outcome\":\"HALF\"}")
                .when().post("/api/v1/trades/" + m.id() + "/resolution")
                .then().statusCode(400)
                .body("errors.field", hasItem("outcome"))
                .body("errors.message", hasItem("must be one of RELEASE, REFUND"));
        As.user("arbiter-1", "arbiter").contentType(ContentType.JSON)
                .body("{}")
                .when().post("/api/v1/trades/" + m.id() + "/resolution")
                .then().statusCode(400).body("errors.field", hasItem("outcome"));
        assertEquals("PAID", status(m));
        assertEquals(0, outboxed(m, EventTypes.TRADE_DISPUTED));

        dispute(m.buyer(), m.id(), "x".repeat(500), "e".repeat(4000)).statusCode(200);
    }

    @Test
    void myTradesAreListedNewestFirst() {
        String buyer = EscrowKit.user("buyer");
        List<UUID> mine = List.of(UUID.randomUUID(), UUID.randomUUID());
        for (UUID trade : mine) {
            Matched m = new Matched(trade, buyer, EscrowKit.user("seller"), UUID.randomUUID());
            EscrowKit.lockedOnMatch(events, m);
            EscrowKit.awaitOpened(m);
        }
        As.user(buyer).when().get("/api/v1/trades?limit=20")
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(mine.get(1).toString(), mine.get(0).toString())))
                .body("items.status", equalTo(List.of("LOCKED", "LOCKED"))).body("hasMore", equalTo(false));
        As.user(buyer).when().get("/api/v1/trades?limit=0")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        As.user(EscrowKit.user("nobody")).when().get("/api/v1/trades")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("nextCursor", nullValue())
                .body("hasMore", equalTo(false));
    }

    @Test
    void myTradesPageNewestFirstByCursorAsBuyerAndSellerAndNewOnesShiftNothing() {
        String me = EscrowKit.user("trader");
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(open(me, i % 2 == 0));
        }
        List<String> later = new ArrayList<>();
        // Trades opened while I page are newer than the cursor: above it, so the walk sees the five it started
        // with, newest first, each once, whichever side I was on.
        var seen = ListWalk.walk(() -> As.user(me), "/api/v1/trades", 2, page -> later.add(open(me, page == 0)));
        assertEquals(opened.reversed(), ListWalk.field(seen, "id"));
        assertEquals(2, later.size(), "one trade opened after each of the first two pages");

        List<String> all = new ArrayList<>(later.reversed());
        all.addAll(opened.reversed());
        assertEquals(all, ListWalk.field(ListWalk.walk(() -> As.user(me), "/api/v1/trades", 3, page -> { }), "id"));
        ListWalk.refusesBadPaging(() -> As.user(me), "/api/v1/trades");
    }

    /** Opens a trade with {@code who} as its buyer or its seller; returns its id once escrow holds it. */
    private String open(String who, boolean asBuyer) {
        Matched m = asBuyer ? new Matched(UUID.randomUUID(), who, EscrowKit.user("seller"), UUID.randomUUID())
                : new Matched(UUID.randomUUID(), EscrowKit.user("buyer"), who, UUID.randomUUID());
        EscrowKit.lockedOnMatch(events, m);
        EscrowKit.awaitOpened(m);
        return m.tradeId();
    }
}
