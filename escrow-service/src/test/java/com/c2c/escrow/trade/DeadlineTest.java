package com.c2c.escrow.trade;

import static com.c2c.escrow.trade.EscrowKit.WAIT;
import static com.c2c.escrow.trade.EscrowKit.act;
import static com.c2c.escrow.trade.EscrowKit.awaitEvent;
import static com.c2c.escrow.trade.EscrowKit.get;
import static com.c2c.escrow.trade.EscrowKit.locked;
import static com.c2c.escrow.trade.EscrowKit.outboxed;
import static com.c2c.escrow.trade.EscrowKit.paid;
import static com.c2c.escrow.trade.EscrowKit.status;
import static com.c2c.escrow.trade.EscrowKit.wallet;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.escrow.trade.EscrowKit.Matched;
import com.c2c.events.EventTypes;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.TestDatabase;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines stored on the trade row: time is made to pass by moving a trade's deadline into the past
 * in the database, as a restart or a long wait would leave it.
 */
@QuarkusTest
class DeadlineTest extends TradeTopics {
    private static final String SCAN_JOB = "escrow-deadline-scan";

    @Inject
    DeadlineScan scan;
    @Inject
    Scheduler scheduler;


    @AfterEach
    void close() {
        scheduler.resume(SCAN_JOB);
    }

    @Test
    void theScheduledScanCancelsAnUnpaidTradeAndRefundsTheSeller() {
        Matched m = locked(events, escrowEvents);

        passDeadline(m);
        await().atMost(WAIT).until(() -> "CANCELLED".equals(status(m)));
        get(m.buyer(), m.id()).statusCode(200)
                .body("reason", equalTo("PAYMENT_DEADLINE"))
                .body("deadline", nullValue());
        ConsumedEvent refund = awaitEvent(commands, m, EventTypes.REFUND_FUNDS);
        assertEquals(m.seller(), refund.key());
        act(m.buyer(), m.id(), "paid").statusCode(409)
                .body("detail", equalTo("trade is CANCELLED; only LOCKED trades can be marked paid"));

        wallet(events, m, EventTypes.FUNDS_REFUNDED);
        ConsumedEvent cancelled = awaitEvent(escrowEvents, m, EventTypes.TRADE_CANCELLED);
        assertTrue(cancelled.data().contains("\"reason\":\"PAYMENT_DEADLINE\""), cancelled.data());
        assertEquals(1, outboxed(m, EventTypes.REFUND_FUNDS));
    }

    @Test
    void aPaidTradeTheSellerDidNotConfirmGoesToAnArbiter() {
        Matched m = paid(events, escrowEvents);
        scheduler.pause(SCAN_JOB);

        passDeadline(m);
        int moved = scanNow();

        assertTrue(moved >= 1, "moved " + moved);
        assertEquals("DISPUTED", status(m));
        ConsumedEvent disputed = awaitEvent(escrowEvents, m, EventTypes.TRADE_DISPUTED);
        assertTrue(disputed.data().contains("\"reason\":\"SELLER_DEADLINE\""), disputed.data());
        assertTrue(disputed.data().contains("\"deadline\":null"), disputed.data());
        get(m.seller(), m.id()).statusCode(200)
                .body("status", equalTo("DISPUTED"))
                .body("reason", equalTo("SELLER_DEADLINE"))
                .body("dispute.openedBy", nullValue())
                .body("dispute.reason", equalTo("SELLER_DEADLINE"));
        act(m.seller(), m.id(), "confirm").statusCode(409).body("detail", containsString("trade is DISPUTED"));
        assertEquals(0, outboxed(m, EventTypes.RELEASE_FUNDS) + outboxed(m, EventTypes.REFUND_FUNDS));
        assertEquals(0, scanNow(), "nothing is due twice");
    }

    @Test
    void theBuyerCancellingAsTheDeadlinePassesMovesTheTradeOnceWithOneRefund() throws Exception {
        Matched m = locked(events, escrowEvents);
        scheduler.pause(SCAN_JOB);
        passDeadline(m);

        List<CompletableFuture<Integer>> cancels = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cancels.add(CompletableFuture.supplyAsync(() -> act(m.buyer(), m.id(), "cancel").extract().statusCode()));
        }
        List<CompletableFuture<Integer>> scans = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            scans.add(CompletableFuture.supplyAsync(this::scanNow));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> c : cancels) {
            statuses.add(c.get());
        }
        for (CompletableFuture<Integer> s : scans) {
            s.get();
        }

        assertEquals("CANCELLED", status(m));
        String reason = TestDatabase.queryString("select reason from trade where id = '" + m.id() + "'");
        if ("BUYER_CANCELLED".equals(reason)) {
            assertEquals(List.of(200, 200, 200, 200), statuses, "the buyer won; the other calls were retries");
        } else {
            assertEquals("PAYMENT_DEADLINE", reason);
            assertTrue(statuses.stream().allMatch(s -> s == 409), "the deadline won: " + statuses);
        }
        assertEquals(1, outboxed(m, EventTypes.REFUND_FUNDS), "exactly one refund, whoever won");
    }

    /** The scan run directly, as the scheduler runs it (on a Vert.x context). */
    private int scanNow() {
        try {
            return VertxContextSupport.subscribeAndAwait(scan::expireAllDue);
        } catch (Throwable e) {
            throw new IllegalStateException("deadline scan failed", e);
        }
    }

    private static void passDeadline(Matched m) {
        assertEquals(1, TestDatabase.update("update trade set deadline_at = now() - interval '1 second' where id = '"
                + m.id() + "'"));
    }
}
