package com.c2c.wallet.command;

import static com.c2c.wallet.command.Commands.answer;
import static com.c2c.wallet.command.Commands.assertBalances;
import static com.c2c.wallet.command.Commands.fund;
import static com.c2c.wallet.command.Commands.postings;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.As;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.wallet.command.Commands.Command;
import com.c2c.wallet.ledger.domain.PlatformOwner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each wallet command over the real Kafka and PostgreSQL: what it moves, to the micro-unit, what it
 * answers, and that a rejected command moves nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.wallet-commands"))
class WalletCommandsTest extends CommandTopics {

    @Inject
    MeterRegistry meters;

    private final String seller = "seller-" + UUID.randomUUID();
    private final String buyer = "buyer-" + UUID.randomUUID();

    /**
     * The fee of a release goes to one of several fee accounts, chosen by the trade: while another transaction holds
     * one fee account's row, a release whose fee goes to another completes, and one whose fee goes to the held one
     * waits for it (so the row held is the one a release takes) and completes when it is let go.
     */
    @Test
    void aReleaseDoesNotWaitForAnotherTradesFeeAccount() {
        fundAndReserve(seller, "100", 20_000_000);
        UUID held = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        for (int tries = 0; PlatformOwner.feesOwner(other).equals(PlatformOwner.feesOwner(held)); tries++) {
            assertTrue(tries < 1_000, "every trade's fee goes to the same fee account");
            other = UUID.randomUUID();
        }
        for (UUID trade : new UUID[] {held, other}) {
            send(Commands.lock(trade, seller, buyer, 5_000_000));
            answer(out, trade, EventTypes.FUNDS_LOCKED);
        }
        long feesBefore = Commands.fees();
        TestDatabase.update("insert into ledger_account (owner_id, asset, kind) values ('"
                + PlatformOwner.feesOwner(held) + "', 'USDT', 'FEES') on conflict do nothing");
        try (TestDatabase.OpenTransaction lock = TestDatabase.holdingLocks("select id from ledger_account where owner_id = '"
                + PlatformOwner.feesOwner(held) + "' and kind = 'FEES' for update")) {
            send(Commands.release(other, seller, buyer, 5_000_000));
            answer(out, other, EventTypes.FUNDS_RELEASED);

            send(Commands.release(held, seller, buyer, 5_000_000));
            await().atMost(Commands.DEADLINE).until(() -> TestDatabase.queryLong("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock' and query like '%ledger_lock_account%'""")
                    == 1);
        }
        answer(out, held, EventTypes.FUNDS_RELEASED);
        assertEquals(feesBefore + 2 * 5_000, Commands.fees());
        assertBalances(seller, 80_000_000, 10_000_000, 0);
    }

    @Test
    void reserveLockAndReleasePayTheBuyerLessTheFeeWhichThePlatformEarns() {
        fund(seller, "100");
        UUID order = UUID.randomUUID();
        send(Commands.reserve("reserve-order:" + order, order, seller, 10_500_000));
        ConsumedEvent reserved = answer(out, order, EventTypes.FUNDS_RESERVED);
        assertEquals(seller, reserved.key());
        assertEquals(Topics.WALLET_EVENTS, reserved.topic());
        assertTrue(reserved.data().contains("\"quantityMicros\":10500000"), reserved.data());
        assertBalances(seller, 89_500_000, 10_500_000, 0);

        UUID trade = UUID.randomUUID();
        send(Commands.lock(trade, seller, buyer, 1_234_567));
        ConsumedEvent locked = answer(out, trade, EventTypes.FUNDS_LOCKED);
        assertEquals(seller, locked.key());
        // A trade's funds are answered on their own topic, read by escrow alone (ADR 0019).
        assertEquals(Topics.TRADE_FUNDS, locked.topic());
        assertBalances(seller, 89_500_000, 9_265_433, 1_234_567);

        long feesBefore = Commands.fees();
        send(Commands.release(trade, seller, buyer, 1_234_567));
        ConsumedEvent released = answer(out, trade, EventTypes.FUNDS_RELEASED);
        assertEquals(seller, released.key());
        assertEquals(Topics.TRADE_FUNDS, released.topic());
        // 0.10 % of 1.234567 USDT is 1234.567 micro-units, rounded down: 1234.
        assertTrue(released.data().contains("\"quantityMicros\":1234567,\"feeMicros\":1234"), released.data());
        assertBalances(seller, 89_500_000, 9_265_433, 0);
        assertBalances(buyer, 1_233_333, 0, 0);
        assertEquals(feesBefore + 1234, Commands.fees());
        assertEquals(1, postings("release:" + trade));

        As.user("admin1", "admin")
                .when().get("/api/v1/wallet/admin/balances/" + buyer)
                .then().statusCode(200)
                .body("[0].asset", equalTo("USDT"))
                .body("[0].available", equalTo(1.233333f))
                .body("[0].reserved", equalTo(0f));
    }

    @Test
    void aRefundPutsTheLockedUsdtBackIntoReserved() {
        fundAndReserve(seller, "50", 20_000_000);
        UUID trade = UUID.randomUUID();
        send(Commands.lock(trade, seller, buyer, 20_000_000));
        answer(out, trade, EventTypes.FUNDS_LOCKED);
        assertBalances(seller, 30_000_000, 0, 20_000_000);

        send(Commands.refund(trade, seller, 20_000_000));
        ConsumedEvent refunded = answer(out, trade, EventTypes.FUNDS_REFUNDED);
        assertEquals(seller, refunded.key());
        assertTrue(refunded.data().contains("\"quantityMicros\":20000000"), refunded.data());
        assertBalances(seller, 30_000_000, 20_000_000, 0);
    }

    @Test
    void releasingAReservationMakesItAvailableAgain() {
        fund(seller, "30");
        UUID ad = UUID.randomUUID();
        send(Commands.reserve("reserve-order:" + ad, ad, seller, 30_000_000));
        answer(out, ad, EventTypes.FUNDS_RESERVED);

        send(Commands.releaseReservation("release-ad:" + ad + ":1", ad, seller, 12_000_000));
        ConsumedEvent released = answer(out, ad, EventTypes.RESERVATION_RELEASED);
        assertTrue(released.data().contains("\"reason\":\"AD_CANCELLED\""), released.data());
        assertBalances(seller, 12_000_000, 18_000_000, 0);
    }

    @Test
    void commandsTheBalancesDoNotCoverAreRejectedAndMoveNothing() {
        fund(seller, "10");
        UUID tooBig = UUID.randomUUID();
        send(Commands.reserve("reserve-order:" + tooBig, tooBig, seller, 10_000_001));
        assertRejected(tooBig, EventTypes.RESERVE_FUNDS, "INSUFFICIENT_FUNDS");

        UUID ad = UUID.randomUUID();
        send(Commands.reserve("reserve-order:" + ad, ad, seller, 4_000_000));
        answer(out, ad, EventTypes.FUNDS_RESERVED);
        send(Commands.releaseReservation("release-ad:" + ad, ad, seller, 4_000_001));
        assertRejected(ad, EventTypes.RELEASE_RESERVATION, "INSUFFICIENT_RESERVED");

        UUID unlockable = UUID.randomUUID();
        send(Commands.lock(unlockable, seller, buyer, 4_000_001));
        assertRejected(unlockable, EventTypes.LOCK_FUNDS, "INSUFFICIENT_RESERVED");
        // A trade that was never locked can be neither released nor refunded.
        send(Commands.release(unlockable, seller, buyer, 4_000_001));
        assertRejected(unlockable, EventTypes.RELEASE_FUNDS, "NOT_LOCKED");
        send(Commands.refund(unlockable, seller, 4_000_001));
        assertRejected(unlockable, EventTypes.REFUND_FUNDS, "NOT_LOCKED");

        UUID zero = UUID.randomUUID();
        send(Commands.reserve("reserve-order:" + zero, zero, seller, 0));
        assertRejected(zero, EventTypes.RESERVE_FUNDS, "INVALID_COMMAND");

        assertBalances(seller, 6_000_000, 4_000_000, 0);
        assertBalances(buyer, 0, 0, 0);
        for (String id : new String[] {"reserve-order:" + tooBig, "release-ad:" + ad, "lock:" + unlockable,
                "release:" + unlockable, "refund:" + unlockable, "reserve-order:" + zero}) {
            assertEquals(0, postings(id), id);
        }
    }

    @Test
    void aTradeSettledOneWayCannotBeSettledTheOther() {
        fundAndReserve(seller, "20", 20_000_000);
        UUID released = UUID.randomUUID();
        UUID refunded = UUID.randomUUID();
        send(Commands.lock(released, seller, buyer, 10_000_000));
        send(Commands.lock(refunded, seller, buyer, 10_000_000));
        send(Commands.release(released, seller, buyer, 10_000_000));
        send(Commands.refund(refunded, seller, 10_000_000));
        answer(out, released, EventTypes.FUNDS_RELEASED);
        answer(out, refunded, EventTypes.FUNDS_REFUNDED);

        send(Commands.refund(released, seller, 10_000_000));
        assertRejected(released, EventTypes.REFUND_FUNDS, "ALREADY_RELEASED");
        send(Commands.release(refunded, seller, buyer, 10_000_000));
        assertRejected(refunded, EventTypes.RELEASE_FUNDS, "ALREADY_REFUNDED");

        assertBalances(seller, 0, 10_000_000, 0);
        assertBalances(buyer, 9_990_000, 0, 0);
        assertEquals(0, postings("refund:" + released));
        assertEquals(0, postings("release:" + refunded));
    }

    @Test
    void aRejectedCommandStaysRejectedWhenItArrivesAgainAfterTheFundsDid() {
        UUID order = UUID.randomUUID();
        Command reserve = Commands.reserve("reserve-order:" + order, order, seller, 5_000_000);
        send(reserve);
        ConsumedEvent first = assertRejected(order, EventTypes.RESERVE_FUNDS, "INSUFFICIENT_FUNDS");

        // Its sender already gave up on the order: the same command again must not hold funds for it now.
        fund(seller, "5");
        send(reserve);
        ConsumedEvent again = Commands.answers(out, order, EventTypes.WALLET_COMMAND_REJECTED, 2).get(1);
        assertEquals(first.data(), again.data());
        assertBalances(seller, 5_000_000, 0, 0);
        assertEquals(0, postings("reserve-order:" + order));
    }

    // Each lock is its own record (ADR 0011): a release or refund must match the trade's lock. Without it,
    // locked USDT was pooled per seller, so each of these moved some other trade's (or seller's) USDT.

    @Test
    void aReleaseOrRefundThatDoesNotMatchItsTradesLockIsRejectedAndMovesNothing() {
        String otherSeller = "seller-" + UUID.randomUUID();
        String mallory = "mallory-" + UUID.randomUUID();
        fund(seller, "100");
        fund(otherSeller, "100");
        reserve(seller, 40_000_000);
        reserve(otherSeller, 40_000_000);
        UUID tooMuch = lockFor(seller, 10_000_000);
        UUID toSomeoneElse = lockFor(seller, 10_000_000);
        UUID refundTooMuch = lockFor(seller, 10_000_000);
        UUID othersTrade = lockFor(otherSeller, 10_000_000);
        UUID stillLocked = lockFor(seller, 10_000_000);

        // More than the trade locked (the seller's pooled locked USDT would have covered it).
        send(Commands.release(tooMuch, seller, buyer, 20_000_000));
        assertRejected(tooMuch, EventTypes.RELEASE_FUNDS, "LOCK_MISMATCH");
        // To a buyer the lock was not made for.
        send(Commands.release(toSomeoneElse, seller, mallory, 10_000_000));
        assertRejected(toSomeoneElse, EventTypes.RELEASE_FUNDS, "LOCK_MISMATCH");
        // A refund of more than the trade locked.
        send(Commands.refund(refundTooMuch, seller, 30_000_000));
        assertRejected(refundTooMuch, EventTypes.REFUND_FUNDS, "LOCK_MISMATCH");
        // Another seller's trade, paid out of this seller's locked USDT.
        send(Commands.release(othersTrade, seller, buyer, 10_000_000));
        assertRejected(othersTrade, EventTypes.RELEASE_FUNDS, "LOCK_MISMATCH");

        assertBalances(seller, 60_000_000, 0, 40_000_000);
        assertBalances(otherSeller, 60_000_000, 30_000_000, 10_000_000);
        assertBalances(buyer, 0, 0, 0);
        assertBalances(mallory, 0, 0, 0);
        for (UUID trade : new UUID[] {tooMuch, toSomeoneElse, othersTrade}) {
            assertEquals(0, postings("release:" + trade), trade.toString());
        }
        assertEquals(0, postings("refund:" + refundTooMuch));
        assertEquals(4, TestDatabase.queryLong("select count(*) from trade_lock where state = 'LOCKED' and seller_id = '"
                + seller + "'"));

        // The lock that matches settles, once, and its record says so.
        send(Commands.release(stillLocked, seller, buyer, 10_000_000));
        answer(out, stillLocked, EventTypes.FUNDS_RELEASED);
        assertEquals("RELEASED", TestDatabase.queryString("select state from trade_lock where trade_id = '" + stillLocked + "'"));
        assertBalances(seller, 60_000_000, 0, 30_000_000);
        assertBalances(buyer, 9_990_000, 0, 0);
        Commands.assertTotalsBalanced();
    }

    @Test
    void aRefundAfterTheReleaseIsRejectedByTheLocksState() {
        fund(seller, "10");
        reserve(seller, 10_000_000);
        UUID trade = lockFor(seller, 10_000_000);
        send(Commands.release(trade, seller, buyer, 10_000_000));
        answer(out, trade, EventTypes.FUNDS_RELEASED);

        send(Commands.refund(trade, seller, 10_000_000));
        assertRejected(trade, EventTypes.REFUND_FUNDS, "ALREADY_RELEASED");
        assertEquals("RELEASED", TestDatabase.queryString("select state from trade_lock where trade_id = '" + trade + "'"));
        assertEquals(0, postings("refund:" + trade));
        assertBalances(seller, 0, 0, 0);
        assertBalances(buyer, 9_990_000, 0, 0);
        Commands.assertTotalsBalanced();
    }

    @Test
    void aCommandIdReusedWithOtherContentIsRejectedCountedAndMovesNothing() {
        fund(seller, "50");
        UUID order = UUID.randomUUID();
        send(Commands.reserve("reserve-order:" + order, order, seller, 5_000_000));
        answer(out, order, EventTypes.FUNDS_RESERVED);
        double before = reused(EventTypes.RESERVE_FUNDS);

        // The same id, another quantity: not the same command. Before, it silently got the first outcome.
        send(Commands.reserve("reserve-order:" + order, order, seller, 7_000_000));
        ConsumedEvent rejected = assertRejected(order, EventTypes.RESERVE_FUNDS, "COMMAND_ID_REUSED");
        assertTrue(rejected.data().contains("already used"), rejected.data());
        assertEquals(before + 1, reused(EventTypes.RESERVE_FUNDS));

        // A trade's lock id reused for another buyer: refused and counted too.
        reserve(seller, 10_000_000);
        UUID trade = lockFor(seller, 10_000_000);
        double locksBefore = reused(EventTypes.LOCK_FUNDS);
        send(Commands.lock(trade, seller, "someone-else", 10_000_000));
        assertRejected(trade, EventTypes.LOCK_FUNDS, "COMMAND_ID_REUSED");
        assertEquals(locksBefore + 1, reused(EventTypes.LOCK_FUNDS));

        // The same command again is still just answered again, and not counted.
        send(Commands.reserve("reserve-order:" + order, order, seller, 5_000_000));
        Commands.answers(out, order, EventTypes.FUNDS_RESERVED, 2);
        assertEquals(before + 1, reused(EventTypes.RESERVE_FUNDS));

        assertBalances(seller, 35_000_000, 5_000_000, 10_000_000);
        assertEquals(1, postings("reserve-order:" + order));
        assertEquals(1, postings("lock:" + trade));
        Commands.assertTotalsBalanced();
    }

    private double reused(String commandType) {
        Counter counter = meters.find(CommandOutcomes.ID_REUSED).tag("command", commandType).counter();
        return counter == null ? 0 : counter.count();
    }

    private void reserve(String owner, long micros) {
        UUID order = UUID.randomUUID();
        send(Commands.reserve("reserve-order:" + order, order, owner, micros));
        answer(out, order, EventTypes.FUNDS_RESERVED);
    }

    private UUID lockFor(String owner, long micros) {
        UUID trade = UUID.randomUUID();
        send(Commands.lock(trade, owner, buyer, micros));
        answer(out, trade, EventTypes.FUNDS_LOCKED);
        return trade;
    }

    private ConsumedEvent assertRejected(UUID subject, String commandType, String reason) {
        ConsumedEvent rejected = out.await(e -> subject.toString().equals(e.cloudEvent().get("subject"))
                && EventTypes.WALLET_COMMAND_REJECTED.equals(e.type())
                && e.data().contains("\"command\":\"" + commandType + "\""), Commands.DEADLINE);
        assertEquals(seller, rejected.key());
        assertTrue(rejected.data().contains("\"reason\":\"" + reason + "\""), rejected.data());
        return rejected;
    }
}
