package com.c2c.wallet.command;

import static com.c2c.wallet.command.Commands.answer;
import static com.c2c.wallet.command.Commands.answers;
import static com.c2c.wallet.command.Commands.assertBalances;
import static com.c2c.wallet.command.Commands.postings;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The wallet locks a trade's USDT on the book's TradeMatched (ADR 0028), over the real Kafka and PostgreSQL: the
 * answer carries the trade's terms (escrow opens the trade from it), a refusal is TradeLockRefused with the same
 * terms, each match is locked once however often it arrives, and an escrow's LockFunds for the same trade (one opened
 * before ADR 0028) is answered from the same recorded outcome without moving anything again.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.wallet-commands"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.matching-events"))
class TradeLockOnMatchTest extends CommandTopics {

    @ConfigProperty(name = "c2c.in.matching-events")
    String matches;

    private final String seller = "seller-" + UUID.randomUUID();
    private final String buyer = "buyer-" + UUID.randomUUID();

    @Test
    void aMatchLocksTheSellersUsdtOnceAndAnswersWithTheTradesTerms() {
        fundAndReserve(seller, "100", 20_000_000);
        UUID trade = UUID.randomUUID();
        UUID ad = UUID.randomUUID();
        match(trade, seller, buyer, ad, 7_500_000);

        ConsumedEvent locked = answer(out, trade, EventTypes.FUNDS_LOCKED);
        assertEquals(Topics.TRADE_FUNDS, locked.topic());
        assertEquals(seller, locked.key());
        assertEquals("""
                {"tradeId":"%s","sellerId":"%s","buyerId":"%s","quantityMicros":7500000,"terms":{"market":"USDT-CNY",\
                "takerOrderId":"%s","makerOrderId":"%s","priceMinor":720,"fiatAmountMinor":5400}}"""
                .formatted(trade, seller, buyer, taker(trade), ad), locked.data());
        assertBalances(seller, 80_000_000, 12_500_000, 7_500_000);

        // The same match again (a replayed book), then escrow's LockFunds for it (an escrow of before ADR 0028):
        // both answered with the recorded outcome, nothing moved again.
        match(trade, seller, buyer, ad, 7_500_000);
        send(Commands.lock(trade, seller, buyer, 7_500_000));
        var all = answers(out, trade, EventTypes.FUNDS_LOCKED, 3);
        assertTrue(all.stream().allMatch(e -> e.data().equals(locked.data())), all.toString());
        assertEquals(1, postings("lock:" + trade));
        assertBalances(seller, 80_000_000, 12_500_000, 7_500_000);

        // The lock is the trade's, as if escrow had asked for it: a release pays the buyer.
        send(Commands.release(trade, seller, buyer, 7_500_000));
        answer(out, trade, EventTypes.FUNDS_RELEASED);
        assertBalances(seller, 80_000_000, 12_500_000, 0);
    }

    @Test
    void aMatchTheSellersReservationCannotCoverIsRefusedWithItsTerms() {
        fundAndReserve(seller, "10", 5_000_000);
        UUID trade = UUID.randomUUID();
        UUID ad = UUID.randomUUID();
        match(trade, seller, buyer, ad, 6_000_000);

        ConsumedEvent refused = answer(out, trade, EventTypes.TRADE_LOCK_REFUSED);
        assertEquals(Topics.TRADE_FUNDS, refused.topic());
        assertEquals(seller, refused.key());
        assertTrue(refused.data().startsWith("""
                {"tradeId":"%s","sellerId":"%s","buyerId":"%s","quantityMicros":6000000,"terms":{"market":"USDT-CNY",\
                "takerOrderId":"%s","makerOrderId":"%s","priceMinor":720,"fiatAmountMinor":4320},\
                "reason":"INSUFFICIENT_RESERVED","message":\"""".formatted(trade, seller, buyer, taker(trade), ad)),
                refused.data());
        assertEquals(0, postings("lock:" + trade));
        assertBalances(seller, 5_000_000, 5_000_000, 0);

        // Escrow's LockFunds for the same trade gets the same refusal, said as WalletCommandRejected, which an escrow
        // holding the trade OPENED (from before ADR 0028) understands: one outcome per lock, nothing moved.
        send(Commands.lock(trade, seller, buyer, 6_000_000));
        ConsumedEvent again = answer(out, trade, EventTypes.WALLET_COMMAND_REJECTED);
        assertEquals(Topics.WALLET_EVENTS, again.topic());
        assertTrue(again.data().contains("\"command\":\"" + EventTypes.LOCK_FUNDS + "\""), again.data());
        assertTrue(again.data().contains("\"reason\":\"INSUFFICIENT_RESERVED\""), again.data());
        assertEquals(0, postings("lock:" + trade));
        assertEquals(0, outboxed(trade, EventTypes.FUNDS_LOCKED), "refused once, never locked");
        assertEquals(1, outboxed(trade, EventTypes.TRADE_LOCK_REFUSED));
    }

    @Test
    void aLockFundsBeforeTheMatchDecidesTheLockAndTheMatchIsAnsweredWithItsOutcome() {
        // An escrow of before ADR 0028 opened the trade and asked first (the wallet's match subscription behind):
        // the match that follows is the same command, answered from the outcome, nothing moved twice.
        fundAndReserve(seller, "10", 5_000_000);
        UUID trade = UUID.randomUUID();
        send(Commands.lock(trade, seller, buyer, 2_000_000));
        ConsumedEvent locked = answer(out, trade, EventTypes.FUNDS_LOCKED);
        assertTrue(locked.data().endsWith("\"quantityMicros\":2000000,\"terms\":null}"), locked.data());
        match(trade, seller, buyer, UUID.randomUUID(), 2_000_000);
        var both = answers(out, trade, EventTypes.FUNDS_LOCKED, 2);
        assertEquals(locked.data(), both.get(1).data());
        assertEquals(1, postings("lock:" + trade));
        assertBalances(seller, 5_000_000, 3_000_000, 2_000_000);
    }

    @Test
    void aSelfMatchLocksNothingAndIsNotAnswered() {
        fundAndReserve(seller, "10", 5_000_000);
        UUID self = UUID.randomUUID();
        String selfMatch = match(self, seller, seller, UUID.randomUUID(), 1_000_000);
        UUID next = UUID.randomUUID();
        match(next, seller, buyer, UUID.randomUUID(), 1_000_000);
        answer(out, next, EventTypes.FUNDS_LOCKED);
        await().atMost(Commands.DEADLINE).until(() -> TestDatabase.queryLong(
                "select count(*) from inbox_event where consumer = 'wallet.matching-events' and event_id = '"
                        + selfMatch + "'") == 1);
        assertEquals(0, postings("lock:" + self));
        assertEquals(0, TestDatabase.queryLong("select count(*) from outbox_event where subject = '" + self + "'"));
        assertBalances(seller, 5_000_000, 4_000_000, 1_000_000);
    }

    /** How many events of the type the wallet recorded about the trade (published or about to be). */
    private static long outboxed(UUID trade, String type) {
        return TestDatabase.queryLong("select count(*) from outbox_event where subject = '" + trade + "' and type = '"
                + type + "'");
    }

    /** The book's TradeMatched: {@code micros} at 7.20 CNY on the maker's ad; returns its event id. */
    private String match(UUID trade, String seller, String buyer, UUID ad, long micros) {
        String id = UUID.randomUUID().toString();
        events.publish(matches, "USDT-CNY", id, EventTypes.TRADE_MATCHED, """
                {"tradeId":"%s","market":"USDT-CNY","sequence":1,"takerOrderId":"%s","takerId":"%s",
                 "makerOrderId":"%s","makerId":"%s","buyerId":"%s","sellerId":"%s","priceMinor":720,
                 "quantityMicros":%d,"fiatAmountMinor":%d}""".formatted(trade, taker(trade), buyer, ad, seller, buyer,
                seller, micros, micros * 720 / 1_000_000));
        return id;
    }

    private static UUID taker(UUID trade) {
        return UUID.nameUUIDFromBytes(trade.toString().getBytes());
    }
}
