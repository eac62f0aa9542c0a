package com.c2c.matching.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

/**
 * The conservation checker must be able to fail: a property that cannot fail proves nothing. These
 * feed it a correct book and books whose reports are subtly wrong (through a tampering listener).
 */
class LedgerTest {
    private static final long U = 1_000_000;

    /**
     * Trades against two ads, cancels one with a remainder, exhausts and restores the other; then an
     * order on that ad exhausts it again, it moves price while exhausted, is restored there, and an order
     * for more than it holds is refused.
     */
    private static final Scenario SCENARIO = new Scenario(1, List.of(
            new Command.PostAd(1, 1, Side.SELL, 100, 10 * U, 0, Limits.MAX_QUANTITY, 1, 0),
            new Command.PostAd(2, 2, Side.SELL, 101, 3 * U, 0, Limits.MAX_QUANTITY, 1, 0),
            new Command.PlaceLimit(3, 3, Side.BUY, 101, 5 * U + 1, TimeInForce.IOC),
            new Command.Cancel(1),
            new Command.PlaceLimit(4, 3, Side.BUY, 101, 3 * U, TimeInForce.GTC),
            new Command.Restore(2, U),
            new Command.PlaceOnAd(5, 3, Side.BUY, 2, U, false, 1, 0),
            new Command.AmendPrice(2, 103),
            new Command.Restore(2, U),
            new Command.PlaceOnAd(6, 3, Side.BUY, 2, 2 * U, false, 1, 0)));

    @Test
    void acceptsACorrectBook() {
        for (BookImpl impl : BookImpl.values()) {
            assertDoesNotThrow(() -> Ledger.check(SCENARIO, impl));
        }
    }

    @Test
    void catchesAWrongFiatAmount() {
        expectCaught("fiat = Limits.fiatFor", tampered(new Tamper() {
            @Override
            public void onTrade(long tradeId, long takerOrderId, long takerOwnerId, long makerOrderId,
                    long makerOwnerId, Side takerSide, long priceTicks, long quantity, long fiatAmount) {
                // Off by one on odd quantities, as a truncating instead of rounding book would be.
                super.onTrade(tradeId, takerOrderId, takerOwnerId, makerOrderId, makerOwnerId, takerSide, priceTicks,
                        quantity, quantity % 2 == 1 ? fiatAmount + 1 : fiatAmount);
            }
        }));
    }

    @Test
    void catchesAnUnreportedEmptyLevel() {
        expectCaught("the last book-change per level", tampered(new Tamper() {
            @Override
            public void onBookChange(Side side, long priceTicks, long levelQuantity) {
                if (levelQuantity != 0) {
                    super.onBookChange(side, priceTicks, levelQuantity);
                }
            }
        }));
    }

    @Test
    void catchesACancelThatMisreportsTheRemainder() {
        expectCaught("expected exactly Cancel", tampered(new Tamper() {
            @Override
            public void onCancel(long orderId, long ownerId, long cancelledQuantity, CancelReason reason) {
                super.onCancel(orderId, ownerId, cancelledQuantity - 1, reason);
            }
        }));
    }

    @Test
    void catchesTradeIdsThatSkip() {
        expectCaught("trade ids count 1, 2, 3", tampered(new Tamper() {
            @Override
            public void onTrade(long tradeId, long takerOrderId, long takerOwnerId, long makerOrderId,
                    long makerOwnerId, Side takerSide, long priceTicks, long quantity, long fiatAmount) {
                super.onTrade(tradeId * 2, takerOrderId, takerOwnerId, makerOrderId, makerOwnerId, takerSide,
                        priceTicks, quantity, fiatAmount);
            }
        }));
    }

    @Test
    void catchesAnOrderOnAnAdFilledByAnotherMaker() {
        expectCaught("trades with that ad only", tampered(new Tamper() {
            @Override
            public void onTrade(long tradeId, long takerOrderId, long takerOwnerId, long makerOrderId,
                    long makerOwnerId, Side takerSide, long priceTicks, long quantity, long fiatAmount) {
                super.onTrade(tradeId, takerOrderId, takerOwnerId, takerOrderId == 5 ? 1 : makerOrderId, makerOwnerId,
                        takerSide, priceTicks, quantity, fiatAmount);
            }
        }));
    }

    @Test
    void catchesAnOrderOnAnAdRejectedForTheWrongReason() {
        expectCaught("must be rejected AD_NOT_ELIGIBLE", tampered(new Tamper() {
            @Override
            public void onReject(long orderId, RejectReason reason) {
                super.onReject(orderId, reason == RejectReason.AD_NOT_ELIGIBLE ? RejectReason.NO_ELIGIBLE_AD : reason);
            }
        }));
    }

    private static void expectCaught(String rule, BiFunction<Long, BookListener, OrderBook> brokenBook) {
        AssertionError error = assertThrows(AssertionError.class, () -> Ledger.check(SCENARIO, brokenBook));
        assertTrue(error.getMessage().contains(rule), () -> "caught for another reason: " + error.getMessage());
    }

    /** A reference book whose reports pass through {@code tamper} on their way to the ledger. */
    private static BiFunction<Long, BookListener, OrderBook> tampered(Tamper tamper) {
        return (tickMinor, ledgerListener) -> {
            tamper.target = ledgerListener;
            return new TreeMapBook(tickMinor, tamper);
        };
    }

    /** Forwards every callback; subclasses alter one. */
    private static class Tamper implements BookListener {
        BookListener target;

        @Override
        public void onTrade(long tradeId, long takerOrderId, long takerOwnerId, long makerOrderId, long makerOwnerId,
                Side takerSide, long priceTicks, long quantity, long fiatAmount) {
            target.onTrade(tradeId, takerOrderId, takerOwnerId, makerOrderId, makerOwnerId, takerSide, priceTicks,
                    quantity, fiatAmount);
        }

        @Override
        public void onReject(long orderId, RejectReason reason) {
            target.onReject(orderId, reason);
        }

        @Override
        public void onCancel(long orderId, long ownerId, long cancelledQuantity, CancelReason reason) {
            target.onCancel(orderId, ownerId, cancelledQuantity, reason);
        }

        @Override
        public void onBookChange(Side side, long priceTicks, long levelQuantity) {
            target.onBookChange(side, priceTicks, levelQuantity);
        }
    }
}
