package com.c2c.escrow.trade;

import static com.c2c.escrow.trade.EscrowKit.QUANTITY;
import static com.c2c.escrow.trade.EscrowKit.WAIT;
import static com.c2c.escrow.trade.EscrowKit.act;
import static com.c2c.escrow.trade.EscrowKit.awaitEvent;
import static com.c2c.escrow.trade.EscrowKit.fundsReleased;
import static com.c2c.escrow.trade.EscrowKit.status;
import static com.c2c.escrow.trade.EscrowKit.topic;
import static com.c2c.escrow.trade.EscrowKit.user;
import static com.c2c.escrow.trade.EscrowKit.wallet;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.c2c.escrow.trade.EscrowKit.Matched;
import com.c2c.events.EventTypes;
import com.c2c.testkit.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Escrow's reconciliation report, exactly, for one seller with a trade in every state: an OPENED trade's (one
 * escrow opened before ADR 0028, its lock not answered yet) quantity is still reserved; LOCKED, PAID and decided-but-unsettled trades hold theirs locked; settled
 * and lock-rejected trades hold nothing.
 */
@QuarkusTest
class ReconciliationReportTest extends TradeTopics {
    private static final String REPORT = "/api/v1/reconciliation/escrow-service";

    @Test
    void eachTradeStateCountsWhereTheWalletHoldsItsUsdt() {
        String seller = user("recon-seller");

        EscrowKit.opened(trade(seller));

        lockedTrade(seller);                                    // LOCKED: locked
        Matched paid = lockedTrade(seller);                     // PAID: locked
        act(paid.buyer(), paid.id(), "paid").statusCode(200);

        Matched cancelling = lockedTrade(seller);               // CANCELLED, refund not answered: still locked
        act(cancelling.buyer(), cancelling.id(), "cancel").statusCode(200);

        Matched refunded = lockedTrade(seller);                 // CANCELLED and refunded: back to order-service
        act(refunded.buyer(), refunded.id(), "cancel").statusCode(200);
        wallet(events, refunded, EventTypes.FUNDS_REFUNDED);
        awaitEvent(escrowEvents, refunded, EventTypes.TRADE_CANCELLED);

        Matched completed = lockedTrade(seller);                // COMPLETED and released: nothing
        act(completed.buyer(), completed.id(), "paid").statusCode(200);
        act(completed.seller(), completed.id(), "confirm").statusCode(200);
        fundsReleased(events, completed, 100_000);
        awaitEvent(escrowEvents, completed, EventTypes.TRADE_COMPLETED);

        Matched rejected = trade(seller);                       // the wallet could not lock: nothing
        EscrowKit.lockRefusedOnMatch(events, rejected, "INSUFFICIENT_RESERVED");
        await().atMost(WAIT).until(() -> "CANCELLED".equals(status(rejected)));

        JsonPath report = As.admin().when().get(REPORT).then().statusCode(200).extract().jsonPath();
        assertEquals("escrow-service", report.getString("service"));
        assertEquals(Map.of("ownerId", seller, "reservedMicros", (int) QUANTITY, "lockedMicros", 3 * (int) QUANTITY),
                report.getMap("holds.find { it.ownerId == '" + seller + "' }"));
        assertNull(report.getMap("holds.find { it.ownerId == '" + paid.buyer() + "' }"), "a buyer holds nothing");
    }

    @Test
    void onlyAdminsReadItAndOnlyUnderThisServicesName() {
        given().when().get(REPORT).then().statusCode(401);
        As.user("recon-trader").when().get(REPORT).then().statusCode(403);
        As.admin().when().get("/api/v1/reconciliation/wallet-service").then().statusCode(404);
    }

    private static Matched trade(String seller) {
        return new Matched(UUID.randomUUID(), user("recon-buyer"), seller, UUID.randomUUID());
    }

    private Matched lockedTrade(String seller) {
        Matched m = trade(seller);
        EscrowKit.lockedOnMatch(events, m);
        awaitEvent(escrowEvents, m, EventTypes.TRADE_LOCKED);
        return m;
    }
}
