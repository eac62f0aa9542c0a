package com.c2c.escrow.trade;

import static com.c2c.escrow.trade.EscrowKit.act;
import static com.c2c.escrow.trade.EscrowKit.awaitEvent;
import static com.c2c.escrow.trade.EscrowKit.locked;
import static com.c2c.escrow.trade.EscrowKit.outboxed;
import static com.c2c.escrow.trade.EscrowKit.status;
import static com.c2c.escrow.trade.EscrowKit.wallet;
import static com.c2c.escrow.trade.EscrowKit.walletRefused;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.escrow.trade.EscrowKit.Matched;
import com.c2c.events.EventTypes;
import com.c2c.testkit.TestDatabase;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No trade waits for the wallet for good: a lock, release or refund that got no answer is sent again,
 * with growing pauses, until the answer comes; a refused settlement is not. Time is made to pass by
 * moving the trade's last change into the past in the database.
 */
@QuarkusTest
class WalletCommandResendTest extends TradeTopics {
    private static final String JOB = "escrow-wallet-command-resend";

    @Inject
    WalletCommandResend resend;
    @Inject
    Scheduler scheduler;

    @BeforeEach
    void pauseTheScheduledScan() {
        scheduler.pause(JOB);
    }

    @AfterEach
    void resume() {
        scheduler.resume(JOB);
    }

    @Test
    void anUnansweredLockIsSentAgainUntilTheWalletAnswers() {
        // A trade escrow opened before ADR 0028, whose LockFunds (sent by the escrow of then) was not answered.
        Matched m = EscrowKit.openedBeforeAdr0028(UUID.randomUUID());
        resendNow();
        assertEquals(0, outboxed(m, EventTypes.LOCK_FUNDS), "not before the answer is overdue");

        age(m, "updated_at");
        resendNow();
        assertEquals(1, outboxed(m, EventTypes.LOCK_FUNDS), "the same command, sent again");
        assertEquals(1, TestDatabase.queryLong("select wallet_resends from trade where id = '" + m.id() + "'"));
        resendNow();
        assertEquals(1, outboxed(m, EventTypes.LOCK_FUNDS), "the next one waits longer");

        age(m, "wallet_resend_at");
        resendNow();
        assertEquals(2, outboxed(m, EventTypes.LOCK_FUNDS));

        wallet(events, m, EventTypes.FUNDS_LOCKED);
        await().atMost(EscrowKit.WAIT).until(() -> "LOCKED".equals(status(m)));
        age(m, "updated_at");
        resendNow();
        assertEquals(2, outboxed(m, EventTypes.LOCK_FUNDS), "answered: nothing more is sent");
    }

    @Test
    void anUnsettledRefundIsSentAgainAndStopsOnceSettled() {
        Matched m = locked(events, escrowEvents);
        act(m.buyer(), m.id(), "cancel").statusCode(200);
        awaitEvent(commands, m, EventTypes.REFUND_FUNDS);

        age(m, "updated_at");
        resendNow();
        assertEquals(2, outboxed(m, EventTypes.REFUND_FUNDS));

        wallet(events, m, EventTypes.FUNDS_REFUNDED);
        await().atMost(EscrowKit.WAIT).until(() -> TestDatabase.queryString(
                "select settled_at from trade where id = '" + m.id() + "'") != null);
        age(m, "updated_at");
        age(m, "wallet_resend_at");
        resendNow();
        assertEquals(2, outboxed(m, EventTypes.REFUND_FUNDS), "settled: nothing more is sent");
    }

    @Test
    void aRefusedSettlementIsNotSentAgain() {
        Matched m = locked(events, escrowEvents);
        act(m.buyer(), m.id(), "cancel").statusCode(200);
        walletRefused(events, m, EventTypes.REFUND_FUNDS, "INSUFFICIENT_LOCKED");
        await().atMost(EscrowKit.WAIT).until(() -> TestDatabase.queryString(
                "select wallet_refused_at from trade where id = '" + m.id() + "'") != null);

        age(m, "updated_at");
        resendNow();
        assertEquals(1, outboxed(m, EventTypes.REFUND_FUNDS), "a person decides; a resend would be refused again");
    }

    private void resendNow() {
        try {
            VertxContextSupport.subscribeAndAwait(resend::resendDue);
        } catch (Throwable e) {
            throw new IllegalStateException("resend scan failed", e);
        }
    }

    private static void age(Matched m, String column) {
        TestDatabase.update("update trade set " + column + " = now() - interval '1 hour' where id = '" + m.id()
                + "' and " + column + " is not null");
    }
}
