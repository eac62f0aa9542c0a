package com.c2c.escrow.trade;

import com.c2c.testkit.As;
import static com.c2c.escrow.trade.EscrowKit.WAIT;
import static com.c2c.escrow.trade.EscrowKit.act;
import static com.c2c.escrow.trade.EscrowKit.awaitEvent;
import static com.c2c.escrow.trade.EscrowKit.count;
import static com.c2c.escrow.trade.EscrowKit.fundsReleased;
import static com.c2c.escrow.trade.EscrowKit.get;
import static com.c2c.escrow.trade.EscrowKit.locked;
import static com.c2c.escrow.trade.EscrowKit.outboxed;
import static com.c2c.escrow.trade.EscrowKit.paid;
import static com.c2c.escrow.trade.EscrowKit.status;
import static com.c2c.escrow.trade.EscrowKit.wallet;
import static com.c2c.escrow.trade.EscrowKit.walletEventsConsumed;
import static com.c2c.escrow.trade.EscrowKit.walletRefused;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.escrow.trade.EscrowKit.Matched;
import com.c2c.events.EventTypes;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A trade from the book's match to its end, against the real PostgreSQL and Kafka: escrow's commands
 * to the wallet, the wallet's answers (published by the test) and the lifecycle events escrow announces.
 */
@QuarkusTest
class TradeFlowTest extends TradeTopics {
    @Inject
    MeterRegistry meters;



    @Test
    void paidAndConfirmedTradeReleasesTheUsdtAndCompletesWithTheFee() {
        Matched m = EscrowKit.matched(UUID.randomUUID());
        Instant lockedAt = Instant.now();
        EscrowKit.lockedOnMatch(events, m);
        ConsumedEvent tradeLocked = awaitEvent(escrowEvents, m, EventTypes.TRADE_LOCKED);
        assertEquals(m.tradeId(), tradeLocked.key());
        assertTrue(tradeLocked.data().contains("\"status\":\"LOCKED\""), tradeLocked.data());
        Instant deadline = Instant.parse(get(m.buyer(), m.id()).statusCode(200)
                .body("status", equalTo("LOCKED"))
                .body("quantity", equalTo(100.0f))
                .body("price", equalTo(7.20f))
                .body("fiatAmount", equalTo(720.0f))
                .body("makerOrderId", equalTo(m.ad().toString()))
                .body("fee", nullValue())
                .body("dispute", nullValue())
                .extract().path("deadline"));
        // An ad escrow has not heard of: the default payment window of 15 minutes.
        assertBetween(lockedAt.plus(Duration.ofMinutes(15)), deadline, Duration.ofSeconds(10));
        assertTrue(tradeLocked.data().contains("\"deadline\":\""), tradeLocked.data());

        Instant paidAt = Instant.now();
        Instant confirmBy = Instant.parse(act(m.buyer(), m.id(), "paid").statusCode(200)
                .body("status", equalTo("PAID")).extract().path("deadline"));
        assertBetween(paidAt.plus(Duration.ofMinutes(30)), confirmBy, Duration.ofSeconds(10));
        // A retry, from a client that sends no body and no content type: the same trade, nothing new.
        Instant retried = Instant.parse(As.user(m.buyer())
                .when().post("/api/v1/trades/" + m.id() + "/paid")
                .then().statusCode(200).body("status", equalTo("PAID")).extract().path("deadline"));
        assertEquals(confirmBy.truncatedTo(ChronoUnit.MILLIS), retried.truncatedTo(ChronoUnit.MILLIS));
        awaitEvent(escrowEvents, m, EventTypes.TRADE_PAID);

        act(m.seller(), m.id(), "confirm").statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("deadline", nullValue());
        ConsumedEvent release = awaitEvent(commands, m, EventTypes.RELEASE_FUNDS);
        assertEquals(m.seller(), release.key());
        assertEquals("""
                {"tradeId":"%s","sellerId":"%s","buyerId":"%s","quantityMicros":100000000}"""
                .formatted(m.id(), m.seller(), m.buyer()), release.data());
        assertEquals(0, count(escrowEvents, m, EventTypes.TRADE_COMPLETED), "completed only once the wallet moved it");

        fundsReleased(events, m, 100_000);
        ConsumedEvent completed = awaitEvent(escrowEvents, m, EventTypes.TRADE_COMPLETED);
        assertTrue(completed.data().contains("\"status\":\"COMPLETED\""), completed.data());
        assertTrue(completed.data().contains("\"feeMicros\":100000"), completed.data());
        get(m.seller(), m.id()).statusCode(200).body("fee", equalTo(0.1f)).body("status", equalTo("COMPLETED"));

        // The wallet's answers delivered again (a re-sent command is answered again, under a new event id).
        String lockedAgain = wallet(events, m, EventTypes.FUNDS_LOCKED);
        String releasedAgain = fundsReleased(events, m, 100_000);
        await().atMost(WAIT).until(() -> walletEventsConsumed(lockedAgain) + walletEventsConsumed(releasedAgain) == 2);
        assertEquals(1, outboxed(m, EventTypes.TRADE_LOCKED));
        assertEquals(1, outboxed(m, EventTypes.TRADE_PAID));
        assertEquals(1, outboxed(m, EventTypes.TRADE_COMPLETED));
        assertEquals(1, outboxed(m, EventTypes.RELEASE_FUNDS));
        assertEquals(0, outboxed(m, EventTypes.LOCK_FUNDS), "the wallet locked on the book's match (ADR 0028)");
        assertEquals(0, outboxed(m, EventTypes.REFUND_FUNDS));
        assertEquals(100_000L, TestDatabase.queryLong("select fee_micros from trade where id = '" + m.id() + "'"));
        assertEquals(1, count(escrowEvents, m, EventTypes.TRADE_COMPLETED));
        // Inserted locked, then each change wrote the row once (TradeRows.write counts them): paid, confirmed,
        // settled; the repeated answers changed nothing.
        assertEquals(3L, TestDatabase.queryLong("select version from trade where id = '" + m.id() + "'"));
    }

    @Test
    void buyerCancelRefundsTheSellerAndCancelsOnceTheWalletDidIt() {
        Matched m = locked(events, escrowEvents);

        act(m.buyer(), m.id(), "cancel").statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("reason", equalTo("BUYER_CANCELLED"))
                .body("deadline", nullValue());
        act(m.buyer(), m.id(), "cancel").statusCode(200).body("status", equalTo("CANCELLED"));
        ConsumedEvent refund = awaitEvent(commands, m, EventTypes.REFUND_FUNDS);
        assertEquals(m.seller(), refund.key());
        assertEquals("""
                {"tradeId":"%s","sellerId":"%s","quantityMicros":100000000}""".formatted(m.id(), m.seller()),
                refund.data());
        assertEquals(0, count(escrowEvents, m, EventTypes.TRADE_CANCELLED), "cancelled only once the wallet refunded");

        wallet(events, m, EventTypes.FUNDS_REFUNDED);
        ConsumedEvent cancelled = awaitEvent(escrowEvents, m, EventTypes.TRADE_CANCELLED);
        assertTrue(cancelled.data().contains("\"status\":\"CANCELLED\""), cancelled.data());
        assertTrue(cancelled.data().contains("\"reason\":\"BUYER_CANCELLED\""), cancelled.data());

        String again = wallet(events, m, EventTypes.FUNDS_REFUNDED);
        await().atMost(WAIT).until(() -> walletEventsConsumed(again) == 1);
        assertEquals(1, outboxed(m, EventTypes.TRADE_CANCELLED));
        assertEquals(1, outboxed(m, EventTypes.REFUND_FUNDS));
        get(m.seller(), m.id()).statusCode(200).body("fee", nullValue());
    }

    @Test
    void aLockTheWalletRefusedCancelsATradeOpenedBeforeAdr0028AtOnce() {
        // Such a trade's LockFunds is refused as WalletCommandRejected (a lock the wallet took on from the match is
        // refused as TradeLockRefused: TradeOpeningTest).
        Matched m = EscrowKit.openedBeforeAdr0028(UUID.randomUUID());

        wallet(events, m, EventTypes.WALLET_COMMAND_REJECTED);
        ConsumedEvent cancelled = awaitEvent(escrowEvents, m, EventTypes.TRADE_CANCELLED);
        assertTrue(cancelled.data().contains("\"reason\":\"LOCK_REJECTED\""), cancelled.data());
        get(m.buyer(), m.id()).statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("reason", equalTo("LOCK_REJECTED"))
                .body("deadline", nullValue());

        // A late FundsLocked (impossible from a consistent wallet) does not bring the trade back.
        String late = wallet(events, m, EventTypes.FUNDS_LOCKED);
        await().atMost(WAIT).until(() -> walletEventsConsumed(late) == 1);
        assertEquals("CANCELLED", status(m));
        assertEquals(0, outboxed(m, EventTypes.REFUND_FUNDS), "no funds moved, so none are refunded");
        assertEquals(0, outboxed(m, EventTypes.TRADE_LOCKED));
        act(m.buyer(), m.id(), "cancel").statusCode(409);
    }

    @Test
    void fundsLockedPublishedOnWalletEventsBeforeTheTopicMoveStillLockTheTrade() {
        // A wallet before ADR 0019 answered on wallet events; records it left there are applied after an upgrade.
        Matched m = EscrowKit.openedBeforeAdr0028(UUID.randomUUID());
        String old = EscrowKit.publishWallet(events, m, "wallet-events", EventTypes.FUNDS_LOCKED,
                EscrowKit.walletData(m, EventTypes.FUNDS_LOCKED));
        awaitEvent(escrowEvents, m, EventTypes.TRADE_LOCKED);
        assertEquals(1, walletEventsConsumed(old));
        assertEquals("LOCKED", status(m));
    }

    @Test
    void aRefusalOfAReusedCommandIdDoesNotCancelTheTrade() {
        // The wallet refuses another command under an id it already decided, and answers the first on its own;
        // with a trade's funds on their own topic (ADR 0019) that refusal may arrive first.
        Matched m = EscrowKit.openedBeforeAdr0028(UUID.randomUUID());
        String refusal = walletRefused(events, m, EventTypes.LOCK_FUNDS, "COMMAND_ID_REUSED");
        await().atMost(WAIT).until(() -> walletEventsConsumed(refusal) == 1);
        assertEquals("OPENED", status(m));

        wallet(events, m, EventTypes.FUNDS_LOCKED);
        awaitEvent(escrowEvents, m, EventTypes.TRADE_LOCKED);
        assertEquals("LOCKED", status(m));
        assertEquals(0, outboxed(m, EventTypes.TRADE_CANCELLED));
    }

    @Test
    void aReleaseTheWalletRefusedIsCountedForOperatorsAndCompletesNothing() {
        Matched m = paid(events, escrowEvents);
        act(m.seller(), m.id(), "confirm").statusCode(200);
        awaitEvent(commands, m, EventTypes.RELEASE_FUNDS);
        double before = refusedReleases();

        String refusal = walletRefused(events, m, EventTypes.RELEASE_FUNDS, "NOT_LOCKED");
        await().atMost(WAIT).until(() -> walletEventsConsumed(refusal) == 1);
        assertEquals(before + 1, refusedReleases(), "an operator's alert watches this counter");
        assertEquals(0, outboxed(m, EventTypes.TRADE_COMPLETED), "the buyer did not get the USDT");
        assertEquals(1, outboxed(m, EventTypes.RELEASE_FUNDS), "a refusal is a disagreement, not retried");
    }

    private double refusedReleases() {
        Counter counter = meters.find(FundsOutcomes.SETTLEMENT_REFUSED)
                .tags("command", EventTypes.RELEASE_FUNDS, "reason", "NOT_LOCKED").counter();
        return counter == null ? 0 : counter.count();
    }

    private static void assertBetween(Instant expected, Instant actual, Duration tolerance) {
        assertTrue(!actual.isBefore(expected.minus(tolerance)) && !actual.isAfter(expected.plus(tolerance)),
                actual + " is not within " + tolerance + " of " + expected);
    }
}
