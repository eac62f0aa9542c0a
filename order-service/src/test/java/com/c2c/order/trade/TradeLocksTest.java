package com.c2c.order.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.events.EventTypes;
import com.c2c.order.Publish;
import com.c2c.order.Publish.Trade;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.testkit.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The book's and escrow's consumers both write each trade's row (and escrow's the parties' completed-trade
 * counts). Fed the same trades at once, in opposite orders, they apply every event once — each trade matched
 * and completed, each party's count exact — and neither consumer's batch meets a deadlock: both take the
 * shared rows sorted before their effects ({@link TradeLocks}).
 */
@QuarkusTest
class TradeLocksTest {
    private static final String MARKET = "USDT-CNY";
    private static final int TRADES = 60;

    @Inject
    MeterRegistry meters;

    @Test
    void bookAndEscrowEventsOfTheSameTradesInOppositeOrdersAreAppliedOnceWithoutDeadlock() {
        List<String> buyers = IntStream.range(0, 4).mapToObj(i -> "buyer-" + UUID.randomUUID()).toList();
        List<String> sellers = IntStream.range(0, 3).mapToObj(i -> "seller-" + UUID.randomUUID()).toList();
        List<Trade> trades = new ArrayList<>();
        for (int i = 0; i < TRADES; i++) {
            // Taker orders and ads unknown here: their domains ignore them, the trade rows are what is shared.
            trades.add(Trade.of(MARKET, UUID.randomUUID().toString(), buyers.get(i % buyers.size()), "BUY",
                    UUID.randomUUID().toString(), sellers.get(i % sellers.size()), 720, 1_000_000L));
        }
        double conflicts = conflictRetries("order.matching-events") + conflictRetries("order.escrow-events");

        CompletableFuture<List<String>> book = CompletableFuture.supplyAsync(
                () -> trades.stream().map(Publish::tradeMatched).toList());
        CompletableFuture<List<String>> escrow = CompletableFuture.supplyAsync(() -> trades.reversed().stream()
                .map(t -> Publish.escrow(EventTypes.TRADE_COMPLETED, t, "COMPLETED", null)).toList());
        book.join().forEach(id -> Publish.awaitApplied("order.matching-events", id));
        escrow.join().forEach(id -> Publish.awaitApplied("order.escrow-events", id));

        String ids = String.join(",", trades.stream().map(t -> "'" + t.tradeId() + "'").toList());
        assertEquals(TRADES, TestDatabase.queryLong("select count(*) from order_trade where trade_id in (" + ids
                + ") and matched and ended and status = 'COMPLETED'"), "every trade matched and completed once");
        for (int b = 0; b < buyers.size(); b++) {
            int index = b;
            long bought = IntStream.range(0, TRADES).filter(i -> i % buyers.size() == index).count();
            assertEquals(bought, completed(buyers.get(b)), "buyer " + b + "'s completed trades");
        }
        for (int s = 0; s < sellers.size(); s++) {
            int index = s;
            long sold = IntStream.range(0, TRADES).filter(i -> i % sellers.size() == index).count();
            assertEquals(sold, completed(sellers.get(s)), "seller " + s + "'s completed trades");
        }
        assertEquals(conflicts, conflictRetries("order.matching-events") + conflictRetries("order.escrow-events"),
                "no batch met a deadlock");
    }

    private double conflictRetries(String consumer) {
        Counter counter = meters.find(EventConsumer.RETRIES).tag("consumer", consumer).tag("kind", "conflict")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static long completed(String user) {
        return TestDatabase.queryLong("select coalesce(max(completed_trades), 0) from trader_stats where user_id = '"
                + user + "'");
    }
}
