package com.c2c.escrow.trade;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.escrow.trade.EscrowKit.Matched;
import com.c2c.events.EventTypes;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A trade is opened from the wallet's answer to the lock it took on from the book's match (ADR 0028): LOCKED from
 * FundsLocked, CANCELLED from TradeLockRefused, once however often the answer comes; escrow sends the wallet nothing
 * to open it. A trade escrow opened before ADR 0028 (OPENED) is moved on by the same answers.
 */
@QuarkusTest
class TradeOpeningTest extends TradeTopics {

    @Test
    void aLockedMatchOpensTheTradeLockedOnceWithNoCommandToTheWallet() {
        Matched m = EscrowKit.matched(UUID.randomUUID());
        String first = EscrowKit.lockedOnMatch(events, m);
        // The same answer again (the wallet answers a legacy LockFunds, or the book's match replayed, again).
        String again = EscrowKit.lockedOnMatch(events, m);
        ConsumedEvent locked = EscrowKit.awaitEvent(escrowEvents, m, EventTypes.TRADE_LOCKED);
        assertEquals(m.tradeId(), locked.key());
        assertTrue(locked.data().contains("\"deadline\":\""), locked.data());
        await().atMost(EscrowKit.WAIT).until(() -> EscrowKit.walletEventsConsumed(first)
                + EscrowKit.walletEventsConsumed(again) == 2);

        String where = " from trade where id = '" + m.id() + "'";
        assertEquals(1L, TestDatabase.queryLong("select count(*)" + where));
        assertEquals("LOCKED", TestDatabase.queryString("select status" + where));
        assertEquals("LOCK", TestDatabase.queryString("select last_action" + where));
        assertEquals(m.ad().toString(), TestDatabase.queryString("select maker_order_id" + where));
        assertEquals(72000L, TestDatabase.queryLong("select fiat_amount_minor" + where));
        assertNotNull(TestDatabase.queryString("select deadline_at" + where));
        assertEquals(0L, TestDatabase.queryLong("select version" + where), "inserted once, never rewritten");
        assertEquals(1, EscrowKit.outboxed(m, EventTypes.TRADE_LOCKED));
        assertEquals(0, EscrowKit.outboxed(m, EventTypes.LOCK_FUNDS), "the wallet locked on the match itself");
        assertEquals(0, EscrowKit.count(commands, m, EventTypes.LOCK_FUNDS));
        EscrowKit.get(m.buyer(), m.id()).statusCode(200)
                .body("status", equalTo("LOCKED"))
                .body("market", equalTo("USDT-CNY"))
                .body("price", equalTo(7.20f))
                .body("fiatAmount", equalTo(720.0f))
                .body("makerOrderId", equalTo(m.ad().toString()));
    }

    @Test
    void aRefusedLockRecordsTheTradeCancelledAndAnnouncesIt() {
        Matched m = EscrowKit.matched(UUID.randomUUID());
        EscrowKit.lockRefusedOnMatch(events, m, "INSUFFICIENT_RESERVED");
        ConsumedEvent cancelled = EscrowKit.awaitEvent(escrowEvents, m, EventTypes.TRADE_CANCELLED);
        assertTrue(cancelled.data().contains("\"reason\":\"LOCK_REJECTED\""), cancelled.data());
        EscrowKit.get(m.seller(), m.id()).statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("reason", equalTo("LOCK_REJECTED"))
                .body("deadline", nullValue());
        String where = " from trade where id = '" + m.id() + "'";
        assertNotNull(TestDatabase.queryString("select settled_at" + where), "nothing moved, nothing to settle");

        // A late FundsLocked (impossible from a consistent wallet: one outcome per lock) does not bring it back.
        String late = EscrowKit.lockedOnMatch(events, m);
        await().atMost(EscrowKit.WAIT).until(() -> EscrowKit.walletEventsConsumed(late) == 1);
        assertEquals("CANCELLED", EscrowKit.status(m));
        assertEquals(0, EscrowKit.outboxed(m, EventTypes.TRADE_LOCKED));
        assertEquals(0, EscrowKit.outboxed(m, EventTypes.REFUND_FUNDS), "no funds moved, so none are refunded");
        assertEquals(1, EscrowKit.outboxed(m, EventTypes.TRADE_CANCELLED));
    }

    @Test
    void aRefusalForATradeAlreadyLockedChangesNothing() {
        // Impossible from a consistent wallet (one outcome per lock); if it came, the locked USDT must stay held.
        Matched m = EscrowKit.matched(UUID.randomUUID());
        EscrowKit.lockedOnMatch(events, m);
        EscrowKit.awaitEvent(escrowEvents, m, EventTypes.TRADE_LOCKED);
        String refusal = EscrowKit.lockRefusedOnMatch(events, m, "INSUFFICIENT_RESERVED");
        await().atMost(EscrowKit.WAIT).until(() -> EscrowKit.walletEventsConsumed(refusal) == 1);
        assertEquals("LOCKED", EscrowKit.status(m));
        assertEquals(0, EscrowKit.outboxed(m, EventTypes.TRADE_CANCELLED));
    }

    @Test
    void aTradeOpenedBeforeTheWalletLockedOnMatchesIsLockedByTheAnswerWithTerms() {
        // Opened by an escrow of before ADR 0028; its LockFunds is answered from the lock the wallet recorded for
        // the match, terms and all.
        Matched m = EscrowKit.openedBeforeAdr0028(UUID.randomUUID());
        EscrowKit.lockedOnMatch(events, m);
        EscrowKit.awaitEvent(escrowEvents, m, EventTypes.TRADE_LOCKED);
        assertEquals("LOCKED", EscrowKit.status(m));
        assertEquals(1L, TestDatabase.queryLong("select version from trade where id = '" + m.id() + "'"));

        Matched refused = EscrowKit.openedBeforeAdr0028(UUID.randomUUID());
        EscrowKit.lockRefusedOnMatch(events, refused, "INSUFFICIENT_RESERVED");
        EscrowKit.awaitEvent(escrowEvents, refused, EventTypes.TRADE_CANCELLED);
        assertEquals("CANCELLED", EscrowKit.status(refused));
    }
}
