package com.c2c.matching.engine;

import static com.c2c.matching.engine.BookEvent.cancelled;
import static com.c2c.matching.engine.BookEvent.level;
import static com.c2c.matching.engine.BookEvent.reject;
import static com.c2c.matching.engine.BookEvent.trade;
import static com.c2c.matching.engine.Side.BUY;
import static com.c2c.matching.engine.Side.SELL;
import static com.c2c.matching.engine.TimeInForce.FOK;
import static com.c2c.matching.engine.TimeInForce.GTC;
import static com.c2c.matching.engine.TimeInForce.IOC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The C2C rules of {@link OrderBook}, one by one, with hand-computed events, for every implementation.
 * Unless a test says otherwise the tick is 1 minor unit, so a price of 100 ticks is 100 fiat minor
 * units per USDT and 10 USDT at 100 cost 1000 minor units.
 */
class OrderBookRulesTest {
    /** One USDT in micro-units. */
    private static final long U = 1_000_000;
    private static final long CARD = 0b001;
    private static final long BANK = 0b010;
    private static final long WALLET = 0b100;
    private static final long NO_MAX = Limits.MAX_QUANTITY;

    private RecordingListener events;
    private OrderBook book;

    private void open(BookImpl impl) {
        open(impl, 1);
    }

    private void open(BookImpl impl, long tickMinor) {
        events = new RecordingListener();
        book = impl.create(tickMinor, events);
    }

    /** An ad anyone paying by card can take, with no fiat limits or conditions. */
    private void ad(long id, long owner, Side side, long price, long quantity) {
        book.postAd(id, owner, side, price, quantity, 0, NO_MAX, CARD, 0);
    }

    private void limit(long id, long owner, Side side, long price, long quantity, TimeInForce tif) {
        book.placeLimit(id, owner, side, price, quantity, tif);
    }

    /** An order on ad {@code adId} for {@code quantity} micro-units by a taker paying by card, with no trades. */
    private void onAd(long id, long owner, Side side, long adId, long quantity) {
        book.placeOnAd(id, owner, side, adId, quantity, false, CARD, 0);
    }

    /** Asserts the events since the previous call, in order. */
    private void expectEvents(BookEvent... expected) {
        assertEquals(List.of(expected), events.takeEvents());
    }

    /** Setup done: forget its events. */
    private void settled() {
        events.takeEvents();
    }

    // ---- price-time priority ----

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void buyerTakesTheBestPriceFirstAndTheEarlierOrderWithinAPrice(BookImpl impl) {
        open(impl);
        limit(1, 1, SELL, 101, 10 * U, GTC);
        limit(2, 2, SELL, 100, 10 * U, GTC);
        limit(3, 3, SELL, 100, 10 * U, GTC);
        expectEvents(level(SELL, 101, 10 * U), level(SELL, 100, 10 * U), level(SELL, 100, 20 * U));

        limit(4, 9, BUY, 101, 25 * U, GTC);
        expectEvents(
                trade(1, 4, 9, 2, 2, BUY, 100, 10 * U, 1000), level(SELL, 100, 10 * U),
                trade(2, 4, 9, 3, 3, BUY, 100, 10 * U, 1000), level(SELL, 100, 0),
                trade(3, 4, 9, 1, 1, BUY, 101, 5 * U, 505), level(SELL, 101, 5 * U));
        assertEquals(1, book.size());
        assertEquals(101, book.bestAsk());
        assertEquals(Limits.NONE, book.bestBid());
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void sellerHitsTheHighestBidFirst(BookImpl impl) {
        open(impl);
        limit(1, 1, BUY, 99, 10 * U, GTC);
        limit(2, 2, BUY, 100, 10 * U, GTC);
        settled();

        limit(3, 9, SELL, 99, 15 * U, IOC);
        expectEvents(
                trade(1, 3, 9, 2, 2, SELL, 100, 10 * U, 1000), level(BUY, 100, 0),
                trade(2, 3, 9, 1, 1, SELL, 99, 5 * U, 495), level(BUY, 99, 5 * U));
        assertEquals(99, book.bestBid());
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void partialFillLeavesTheRemainderResting(BookImpl impl) {
        open(impl);
        limit(1, 1, SELL, 100, 10 * U, GTC);
        settled();

        limit(2, 2, BUY, 100, 4 * U, GTC);
        expectEvents(trade(1, 2, 2, 1, 1, BUY, 100, 4 * U, 400), level(SELL, 100, 6 * U));
        assertEquals(6 * U, book.quantityAt(SELL, 100));
        assertEquals(1, book.size());

        // Now the taker is the bigger one: its unfilled rest goes on the book.
        limit(3, 2, BUY, 100, 10 * U, GTC);
        expectEvents(trade(2, 3, 2, 1, 1, BUY, 100, 6 * U, 600), level(SELL, 100, 0), level(BUY, 100, 4 * U));
        assertEquals(100, book.bestBid());
        assertEquals(Limits.NONE, book.bestAsk());
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void selfTradePreventionSkipsTheMakerWithoutCancellingIt(BookImpl impl) {
        open(impl);
        limit(1, 7, SELL, 100, 10 * U, GTC);
        limit(2, 1, SELL, 100, 10 * U, GTC);
        settled();

        limit(3, 7, BUY, 100, 15 * U, GTC);
        expectEvents(trade(1, 3, 7, 2, 1, BUY, 100, 10 * U, 1000), level(SELL, 100, 10 * U),
                level(BUY, 100, 5 * U));
        assertEquals(2, book.size());
        assertEquals(10 * U, book.quantityAt(SELL, 100));
    }

    // ---- time in force ----

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void iocCancelsTheUnfilledRest(BookImpl impl) {
        open(impl);
        limit(1, 1, SELL, 100, 3 * U, GTC);
        settled();

        limit(2, 2, BUY, 101, 5 * U, IOC);
        expectEvents(trade(1, 2, 2, 1, 1, BUY, 100, 3 * U, 300), level(SELL, 100, 0),
                cancelled(2, 2, 2 * U, CancelReason.UNFILLED_IOC));

        limit(3, 2, BUY, 99, U, IOC);
        expectEvents(cancelled(3, 2, U, CancelReason.UNFILLED_IOC));
        assertEquals(0, book.size());
        assertEquals(Limits.NONE, book.bestBid());
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void fokWithoutEnoughEligibleQuantityIsRejectedAndChangesNothing(BookImpl impl) {
        open(impl);
        limit(1, 1, SELL, 100, 3 * U, GTC);
        limit(2, 7, SELL, 100, 4 * U, GTC); // the taker's own: not eligible
        limit(3, 1, SELL, 102, 10 * U, GTC); // beyond the taker's price
        settled();
        byte[] before = BookImpl.snapshotOf(book);

        limit(4, 7, BUY, 101, 5 * U, FOK);
        expectEvents(reject(4, RejectReason.NOT_FILLABLE));
        assertArrayEquals(before, BookImpl.snapshotOf(book));
        assertEquals(3, book.size());

        // Exactly the eligible quantity fills (and the rejected id was never taken).
        limit(4, 7, BUY, 101, 3 * U, FOK);
        expectEvents(trade(1, 4, 7, 1, 1, BUY, 100, 3 * U, 300), level(SELL, 100, 4 * U));
    }

    // ---- express orders ----

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void expressByFiatFillsCompletelyAgainstTheBestPricedEligibleAd(BookImpl impl) {
        open(impl);
        ad(1, 1, SELL, 102, 100 * U);
        ad(2, 2, SELL, 101, 100 * U);
        ad(3, 3, SELL, 101, 100 * U);
        settled();

        // 50.00 fiat at 1.01 per USDT buys 5000 * 10^6 / 101 = 49,504,950.49... micro-units, rounded down;
        // their fiat, 4999.99995, rounds half up to exactly 5000.
        long quantity = 49_504_950;
        assertEquals(quantity, Limits.quantityFor(5000, 101));
        book.placeExpress(9, 9, BUY, 5000, true, CARD, 0);
        expectEvents(trade(1, 9, 9, 2, 2, BUY, 101, quantity, 5000), level(SELL, 101, 200 * U - quantity));
        assertEquals(3, book.size());
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void expressByQuantitySellsToTheHighestBidAtTickFive(BookImpl impl) {
        open(impl, 5);
        ad(1, 1, BUY, 20, 100 * U); // 100 minor units per USDT
        ad(2, 2, BUY, 21, 100 * U); // 105 minor units per USDT
        settled();

        // 12.345678 USDT at 105 = 1296.296... minor units, rounded to 1296.
        book.placeExpress(9, 9, SELL, 12_345_678, false, CARD, 0);
        expectEvents(trade(1, 9, 9, 2, 2, SELL, 21, 12_345_678, 1296), level(BUY, 21, 100 * U - 12_345_678));
    }

    /** Why an ad cannot serve the express taker of {@link #expressSkipsAnIneligibleAd}. */
    enum Ineligible {
        NO_PAYMENT_METHOD_OVERLAP, FIAT_BELOW_AD_MIN, FIAT_ABOVE_AD_MAX, NOT_ENOUGH_REMAINING, SAME_OWNER,
        TOO_FEW_COMPLETED_TRADES;

        /**
         * Posts ad {@code id} at 100 that would fit the taker (owner 9, 10 USDT = 1000 fiat, pays by
         * bank, 5 completed trades) but for this one reason.
         */
        void post(OrderBook book, long id) {
            long owner = this == SAME_OWNER ? 9 : 1;
            long quantity = this == NOT_ENOUGH_REMAINING ? 10 * U - 1 : 50 * U;
            long minFiat = this == FIAT_BELOW_AD_MIN ? 1001 : 0;
            long maxFiat = this == FIAT_ABOVE_AD_MAX ? 999 : NO_MAX;
            long methods = this == NO_PAYMENT_METHOD_OVERLAP ? CARD | WALLET : CARD | BANK;
            int minTrades = this == TOO_FEW_COMPLETED_TRADES ? 6 : 5;
            book.postAd(id, owner, SELL, 100, quantity, minFiat, maxFiat, methods, minTrades);
        }
    }

    static Stream<Arguments> everyImplAndIneligibility() {
        return Arrays.stream(BookImpl.values())
                .flatMap(impl -> Arrays.stream(Ineligible.values()).map(why -> Arguments.of(impl, why)));
    }

    @ParameterizedTest
    @MethodSource("everyImplAndIneligibility")
    void expressSkipsAnIneligibleAd(BookImpl impl, Ineligible why) {
        open(impl);
        why.post(book, 1);
        settled();
        byte[] before = BookImpl.snapshotOf(book);

        book.placeExpress(77, 9, BUY, 10 * U, false, BANK, 5);
        expectEvents(reject(77, RejectReason.NO_ELIGIBLE_AD));
        assertArrayEquals(before, BookImpl.snapshotOf(book));

        // A worse-priced ad that fits is taken instead of the better-priced one that does not.
        book.postAd(2, 2, SELL, 101, 50 * U, 0, NO_MAX, CARD | BANK, 5);
        settled();
        book.placeExpress(78, 9, BUY, 10 * U, false, BANK, 5);
        expectEvents(trade(1, 78, 9, 2, 2, BUY, 101, 10 * U, 1010), level(SELL, 101, 40 * U));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void expressSkipsAnIneligibleAdAheadInTimeAtTheSamePrice(BookImpl impl) {
        open(impl);
        ad(1, 9, SELL, 100, 50 * U); // the taker's own
        ad(2, 2, SELL, 100, 50 * U);
        settled();

        book.placeExpress(77, 9, BUY, 10 * U, false, CARD, 0);
        expectEvents(trade(1, 77, 9, 2, 2, BUY, 100, 10 * U, 1000), level(SELL, 100, 90 * U));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void expressMeetingAnAdsLimitsExactlyTakesIt(BookImpl impl) {
        open(impl);
        book.postAd(1, 1, SELL, 100, 10 * U, 1000, 1000, BANK, 5);
        settled();

        book.placeExpress(77, 9, BUY, 10 * U, false, BANK, 5);
        expectEvents(trade(1, 77, 9, 1, 1, BUY, 100, 10 * U, 1000), level(SELL, 100, 0));
        assertEquals(1, book.size()); // the exhausted ad stays known
    }

    /** A resting limit order accepts anyone: an express taker with no completed trades can take it. */
    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void expressCanTakeARestingLimitOrder(BookImpl impl) {
        open(impl);
        limit(1, 1, SELL, 100, 10 * U, GTC);
        settled();

        book.placeExpress(2, 2, BUY, 5 * U, false, CARD, 0);
        expectEvents(trade(1, 2, 2, 1, 1, BUY, 100, 5 * U, 500), level(SELL, 100, 5 * U));
    }

    // ---- the taker's price limit ----

    /** Found 6 of issue 10: a newcomer's express SELL met a BUY ad priced far below the market. */
    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void expressSellIsNotFilledByABuyAdBelowItsLimit(BookImpl impl) {
        open(impl);
        ad(1, 1, BUY, 1, 100 * U); // 0.01 per USDT: the only bid
        settled();
        byte[] before = BookImpl.snapshotOf(book);

        book.placeExpress(9, 9, SELL, 10 * U, false, CARD, 0, 684); // at least 6.84 (7.20 - 5 %)
        expectEvents(reject(9, RejectReason.PRICE_LIMIT));
        assertArrayEquals(before, BookImpl.snapshotOf(book));

        // A bid at the limit is within it.
        ad(2, 2, BUY, 684, 100 * U);
        settled();
        book.placeExpress(10, 9, SELL, 10 * U, false, CARD, 0, 684);
        expectEvents(trade(1, 10, 9, 2, 2, SELL, 684, 10 * U, 6840), level(BUY, 684, 90 * U));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void expressBuyTakesTheBestEligibleAdWithinItsLimitOnly(BookImpl impl) {
        open(impl);
        ad(1, 9, SELL, 100, 50 * U); // the taker's own: skipped
        ad(2, 2, SELL, 101, 50 * U);
        ad(3, 3, SELL, 102, 50 * U);
        settled();

        book.placeExpress(77, 9, BUY, 10 * U, false, CARD, 0, 100); // at most 1.00: only its own ad
        expectEvents(reject(77, RejectReason.PRICE_LIMIT));
        book.placeExpress(78, 9, BUY, 1010, true, CARD, 0, 101); // by fiat, at most 1.01
        expectEvents(trade(1, 78, 9, 2, 2, BUY, 101, 10 * U, 1010), level(SELL, 101, 40 * U));
        // Nothing beyond the limit on the book, nothing eligible within it: the old reason.
        book.placeExpress(79, 1, BUY, 10 * U, false, BANK, 0, 102);
        expectEvents(reject(79, RejectReason.NO_ELIGIBLE_AD));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void orderOnAnAdBeyondItsLimitIsRejectedInBothDirections(BookImpl impl) {
        open(impl);
        ad(1, 1, SELL, 101, 100 * U);
        ad(2, 2, BUY, 99, 100 * U);
        settled();
        byte[] before = BookImpl.snapshotOf(book);

        book.placeOnAd(9, 9, BUY, 1, 10 * U, false, CARD, 0, 100); // pays at most 1.00, the ad asks 1.01
        expectEvents(reject(9, RejectReason.PRICE_LIMIT));
        book.placeOnAd(10, 9, SELL, 2, 10 * U, false, CARD, 0, 100); // receives at least 1.00, the ad bids 0.99
        expectEvents(reject(10, RejectReason.PRICE_LIMIT));
        assertArrayEquals(before, BookImpl.snapshotOf(book));

        book.placeOnAd(11, 9, BUY, 1, 10 * U, false, CARD, 0, 101);
        expectEvents(trade(1, 11, 9, 1, 1, BUY, 101, 10 * U, 1010), level(SELL, 101, 90 * U));
        book.placeOnAd(12, 9, SELL, 2, 10 * U, false, CARD, 0, 99);
        expectEvents(trade(2, 12, 9, 2, 2, SELL, 99, 10 * U, 990), level(BUY, 99, 90 * U));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void aPriceLimitOutsideTheBooksPricesIsRefused(BookImpl impl) {
        open(impl);
        ad(1, 1, SELL, 100, 100 * U);
        settled();

        book.placeExpress(9, 9, BUY, U, false, CARD, 0, 0);
        book.placeExpress(10, 9, BUY, U, false, CARD, 0, Limits.MAX_PRICE_TICKS + 1);
        book.placeOnAd(11, 9, BUY, 1, U, false, CARD, 0, -1);
        expectEvents(reject(9, RejectReason.INVALID_PRICE), reject(10, RejectReason.INVALID_PRICE),
                reject(11, RejectReason.INVALID_PRICE));
        // The widest limits are valid: every price is within them.
        book.placeExpress(12, 9, BUY, U, false, CARD, 0, Limits.noPriceLimit(BUY));
        expectEvents(trade(1, 12, 9, 1, 1, BUY, 100, U, 100), level(SELL, 100, 99 * U));
    }

    // ---- orders on a chosen ad ----

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void orderOnAnAdFillsOnThatAdEvenWhenABetterOneExists(BookImpl impl) {
        open(impl);
        ad(1, 1, SELL, 100, 100 * U);
        ad(2, 2, SELL, 102, 100 * U);
        settled();

        // 51.00 fiat at the chosen ad's 1.02 buys exactly 50 USDT.
        book.placeOnAd(9, 9, BUY, 2, 5100, true, CARD, 0);
        expectEvents(trade(1, 9, 9, 2, 2, BUY, 102, 50 * U, 5100), level(SELL, 102, 50 * U));
        assertEquals(100, book.bestAsk());
        assertEquals(100 * U, book.quantityAt(SELL, 100));
        assertEquals(2, book.size()); // the taker never rests
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void orderOnABuyAdByQuantitySellsAtThatAdsPriceAtTickFive(BookImpl impl) {
        open(impl, 5);
        ad(1, 1, BUY, 20, 100 * U); // 100 minor units per USDT
        ad(2, 2, BUY, 21, 100 * U); // 105: the better bid, not chosen
        settled();

        // 12.345678 USDT at 100 = 1234.5678 minor units, rounded to 1235.
        book.placeOnAd(9, 9, SELL, 1, 12_345_678, false, CARD, 0);
        expectEvents(trade(1, 9, 9, 1, 1, SELL, 20, 12_345_678, 1235), level(BUY, 20, 100 * U - 12_345_678));
        assertEquals(100 * U, book.quantityAt(BUY, 21));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void orderOnAnAdFillsCompletelyOrNotAtAll(BookImpl impl) {
        open(impl);
        book.postAd(1, 1, SELL, 100, 10 * U, 500, 2000, CARD, 0);
        book.postAd(2, 2, SELL, 100, 50 * U, 500, 2000, CARD, 0);
        settled();
        byte[] before = BookImpl.snapshotOf(book);

        onAd(3, 9, BUY, 1, 11 * U); // 11.00 fiat is within the limits, but the ad holds only 10 USDT
        onAd(4, 9, BUY, 2, 25 * U); // 25.00 above the 20.00 maximum: refused, not capped as for a limit taker
        onAd(5, 9, BUY, 2, 4 * U); // 4.00 below the 5.00 minimum
        book.placeOnAd(6, 9, BUY, 2, 2001, true, CARD, 0); // by fiat, one minor unit above the maximum
        expectEvents(reject(3, RejectReason.AD_NOT_ELIGIBLE), reject(4, RejectReason.AD_NOT_ELIGIBLE),
                reject(5, RejectReason.AD_NOT_ELIGIBLE), reject(6, RejectReason.AD_NOT_ELIGIBLE));
        assertArrayEquals(before, BookImpl.snapshotOf(book));

        onAd(3, 9, BUY, 1, 10 * U);
        expectEvents(trade(1, 3, 9, 1, 1, BUY, 100, 10 * U, 1000), level(SELL, 100, 50 * U));
        assertEquals(2, book.size()); // the exhausted ad stays known
    }

    @ParameterizedTest
    @MethodSource("everyImplAndIneligibility")
    void orderOnAnIneligibleAdIsRejectedAndChangesNothing(BookImpl impl, Ineligible why) {
        open(impl);
        why.post(book, 1);
        book.postAd(2, 2, SELL, 100, 50 * U, 0, NO_MAX, CARD | BANK, 5); // would fit: never taken instead
        settled();
        byte[] before = BookImpl.snapshotOf(book);

        book.placeOnAd(77, 9, BUY, 1, 10 * U, false, BANK, 5);
        expectEvents(reject(77, why == Ineligible.SAME_OWNER ? RejectReason.OWN_AD : RejectReason.AD_NOT_ELIGIBLE));
        assertArrayEquals(before, BookImpl.snapshotOf(book));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void orderOnAnAdThatIsNotOnOfferIsRejected(BookImpl impl) {
        open(impl);
        limit(1, 1, SELL, 100, 10 * U, GTC);
        ad(2, 2, BUY, 99, 10 * U);
        ad(3, 3, SELL, 101, 10 * U);
        book.cancel(3);
        ad(4, 9, SELL, 102, 10 * U);
        settled();
        byte[] before = BookImpl.snapshotOf(book);

        onAd(10, 9, BUY, 42, U); // never listed
        onAd(11, 9, BUY, 1, U); // a limit order, not an ad
        onAd(12, 9, BUY, 2, U); // an ad on the taker's own side
        onAd(13, 9, BUY, 3, U); // withdrawn
        onAd(14, 9, BUY, 4, U); // the taker's own ad
        onAd(15, 9, BUY, 42, 0); // the amount is checked before the ad
        onAd(4, 8, BUY, 4, U); // the id is checked first: it is the live ad's
        expectEvents(reject(10, RejectReason.AD_NOT_AVAILABLE), reject(11, RejectReason.AD_NOT_AVAILABLE),
                reject(12, RejectReason.AD_NOT_AVAILABLE), reject(13, RejectReason.AD_NOT_AVAILABLE),
                reject(14, RejectReason.OWN_AD), reject(15, RejectReason.INVALID_QUANTITY),
                reject(4, RejectReason.DUPLICATE_ID));
        assertArrayEquals(before, BookImpl.snapshotOf(book));
        assertEquals(3, book.size());
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void adExhaustedByAnOrderOnItIsRestoredAndTakenAgain(BookImpl impl) {
        open(impl);
        ad(1, 1, SELL, 100, 10 * U);
        ad(2, 2, SELL, 100, 10 * U);
        settled();

        onAd(3, 3, BUY, 1, 10 * U);
        expectEvents(trade(1, 3, 3, 1, 1, BUY, 100, 10 * U, 1000), level(SELL, 100, 10 * U));
        onAd(4, 3, BUY, 1, U);
        expectEvents(reject(4, RejectReason.AD_NOT_ELIGIBLE)); // exhausted: nothing to fill from

        // The trade was cancelled: the quantity goes back, the ad rejoins its level behind ad 2.
        book.restore(1, 10 * U);
        expectEvents(level(SELL, 100, 20 * U));
        onAd(5, 3, BUY, 1, 4 * U);
        expectEvents(trade(2, 5, 3, 1, 1, BUY, 100, 4 * U, 400), level(SELL, 100, 16 * U));
        book.restore(1, 4 * U);
        expectEvents(level(SELL, 100, 20 * U));
        limit(6, 3, BUY, 100, 12 * U, IOC);
        expectEvents(
                trade(3, 6, 3, 2, 2, BUY, 100, 10 * U, 1000), level(SELL, 100, 10 * U),
                trade(4, 6, 3, 1, 1, BUY, 100, 2 * U, 200), level(SELL, 100, 8 * U));
    }

    // ---- ad fiat limits against limit takers ----

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void limitTakersFillIsCappedAtTheAdsMaxFiat(BookImpl impl) {
        open(impl);
        book.postAd(1, 1, SELL, 100, 50 * U, 0, 2000, CARD, 0);
        ad(3, 3, SELL, 100, 50 * U);
        settled();

        // At most 20.00 fiat from ad 1, i.e. 20 USDT at 1.00; the other 10 USDT from ad 3, behind it.
        long capped = 20 * U;
        assertEquals(capped, Limits.quantityFor(2000, 100));
        limit(2, 2, BUY, 100, 30 * U, GTC);
        expectEvents(
                trade(1, 2, 2, 1, 1, BUY, 100, capped, 2000), level(SELL, 100, 80 * U),
                trade(2, 2, 2, 3, 3, BUY, 100, 10 * U, 1000), level(SELL, 100, 70 * U));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void limitFillBelowTheAdsMinFiatSkipsThatAd(BookImpl impl) {
        open(impl);
        book.postAd(1, 1, SELL, 100, 50 * U, 1000, NO_MAX, CARD, 0);
        ad(2, 2, SELL, 100, 50 * U);
        settled();

        limit(3, 3, BUY, 100, 5 * U, GTC); // 500 fiat: below ad 1's minimum
        expectEvents(trade(1, 3, 3, 2, 2, BUY, 100, 5 * U, 500), level(SELL, 100, 95 * U));

        limit(4, 3, BUY, 100, 10 * U, IOC); // 1000 fiat: exactly ad 1's minimum, and ad 1 is first in time
        expectEvents(trade(2, 4, 3, 1, 1, BUY, 100, 10 * U, 1000), level(SELL, 100, 85 * U));
    }

    // ---- amend ----

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void amendReducingQuantityKeepsTimePriority(BookImpl impl) {
        open(impl);
        limit(1, 1, SELL, 100, 10 * U, GTC);
        limit(2, 2, SELL, 100, 10 * U, GTC);
        settled();

        book.amend(1, 100, 4 * U);
        expectEvents(level(SELL, 100, 14 * U));
        limit(3, 3, BUY, 100, 4 * U, IOC);
        expectEvents(trade(1, 3, 3, 1, 1, BUY, 100, 4 * U, 400), level(SELL, 100, 10 * U));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void amendRaisingQuantityLosesTimePriority(BookImpl impl) {
        open(impl);
        limit(1, 1, SELL, 100, 10 * U, GTC);
        limit(2, 2, SELL, 100, 10 * U, GTC);
        settled();

        book.amend(1, 100, 12 * U);
        expectEvents(level(SELL, 100, 10 * U), level(SELL, 100, 22 * U));
        limit(3, 3, BUY, 100, 4 * U, IOC);
        expectEvents(trade(1, 3, 3, 2, 2, BUY, 100, 4 * U, 400), level(SELL, 100, 18 * U));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void amendChangingPriceLosesTimePriorityEvenWhenReducing(BookImpl impl) {
        open(impl);
        limit(1, 1, SELL, 100, 10 * U, GTC);
        limit(2, 2, SELL, 101, 10 * U, GTC);
        settled();

        book.amend(1, 101, 5 * U);
        expectEvents(level(SELL, 100, 0), level(SELL, 101, 15 * U));
        limit(3, 3, BUY, 101, 12 * U, IOC);
        expectEvents(
                trade(1, 3, 3, 2, 2, BUY, 101, 10 * U, 1010), level(SELL, 101, 5 * U),
                trade(2, 3, 3, 1, 1, BUY, 101, 2 * U, 202), level(SELL, 101, 3 * U));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void limitOrderAmendedAcrossTheSpreadTradesLikeAGtcOrder(BookImpl impl) {
        open(impl);
        limit(1, 1, SELL, 101, 10 * U, GTC);
        limit(2, 2, BUY, 99, 6 * U, GTC);
        settled();

        book.amend(2, 101, 16 * U);
        expectEvents(level(BUY, 99, 0), trade(1, 2, 2, 1, 1, BUY, 101, 10 * U, 1010), level(SELL, 101, 0),
                level(BUY, 101, 6 * U));
        assertEquals(101, book.bestBid());
        assertEquals(1, book.size());
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void adAmendedAcrossTheSpreadDoesNotTrade(BookImpl impl) {
        open(impl);
        limit(1, 1, SELL, 101, 10 * U, GTC);
        ad(2, 2, BUY, 99, 6 * U);
        settled();

        book.amend(2, 102, 6 * U);
        expectEvents(level(BUY, 99, 0), level(BUY, 102, 6 * U));
        assertEquals(102, book.bestBid());
        assertEquals(101, book.bestAsk());
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void adPostedAcrossTheSpreadDoesNotTrade(BookImpl impl) {
        open(impl);
        limit(1, 1, SELL, 101, 10 * U, GTC);
        settled();

        ad(2, 2, BUY, 105, 6 * U);
        expectEvents(level(BUY, 105, 6 * U));
        assertEquals(2, book.size());
    }

    // ---- price-only amend ----

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void amendPriceMovesAnAdWithWhatItHoldsAndLosesPriority(BookImpl impl) {
        open(impl);
        ad(1, 1, SELL, 100, 10 * U);
        ad(2, 2, SELL, 101, 10 * U);
        limit(3, 3, BUY, 100, 4 * U, IOC);
        settled();

        book.amendPrice(1, 101);
        expectEvents(level(SELL, 100, 0), level(SELL, 101, 16 * U));
        limit(4, 3, BUY, 101, 12 * U, IOC);
        expectEvents(
                trade(2, 4, 3, 2, 2, BUY, 101, 10 * U, 1010), level(SELL, 101, 6 * U),
                trade(3, 4, 3, 1, 1, BUY, 101, 2 * U, 202), level(SELL, 101, 4 * U));

        // To the price it already has: nothing moves, it keeps its place.
        book.amendPrice(1, 101);
        expectEvents(level(SELL, 101, 4 * U));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void exhaustedAdTakesTheNewPriceAndRestoredQuantityRestsThere(BookImpl impl) {
        open(impl);
        ad(1, 1, SELL, 100, 10 * U);
        limit(2, 2, BUY, 100, 10 * U, IOC);
        settled();

        book.amendPrice(1, 105);
        expectEvents();
        assertEquals(1, book.size());
        assertEquals(Limits.NONE, book.bestAsk());

        book.restore(1, 3 * U);
        expectEvents(level(SELL, 105, 3 * U));
        assertEquals(105, book.bestAsk());
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void limitOrderMovedAcrossTheSpreadByPriceTradesLikeAGtcOrder(BookImpl impl) {
        open(impl);
        limit(1, 1, SELL, 101, 10 * U, GTC);
        limit(2, 2, BUY, 99, 6 * U, GTC);
        settled();

        book.amendPrice(2, 101);
        expectEvents(level(BUY, 99, 0), trade(1, 2, 2, 1, 1, BUY, 101, 6 * U, 606), level(SELL, 101, 4 * U));
        assertEquals(1, book.size());
        assertEquals(Limits.NONE, book.bestBid());
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void amendPriceRejectsUnknownIdsAndInvalidPrices(BookImpl impl) {
        open(impl);
        ad(1, 1, SELL, 100, 10 * U);
        ad(2, 2, SELL, 100, 10 * U);
        limit(3, 3, BUY, 100, 10 * U, IOC); // exhausts ad 1
        settled();
        byte[] before = BookImpl.snapshotOf(book);

        book.amendPrice(42, 100);
        book.amendPrice(2, 0);
        book.amendPrice(1, Limits.MAX_PRICE_TICKS + 1);
        expectEvents(reject(42, RejectReason.UNKNOWN_ID), reject(2, RejectReason.INVALID_PRICE),
                reject(1, RejectReason.INVALID_PRICE));
        assertArrayEquals(before, BookImpl.snapshotOf(book));
    }

    // ---- restore ----

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void restoreOnAPartlyFilledAdKeepsItsPlace(BookImpl impl) {
        open(impl);
        ad(1, 1, SELL, 100, 10 * U);
        ad(2, 2, SELL, 100, 10 * U);
        limit(3, 3, BUY, 100, 4 * U, IOC);
        expectEvents(level(SELL, 100, 10 * U), level(SELL, 100, 20 * U),
                trade(1, 3, 3, 1, 1, BUY, 100, 4 * U, 400), level(SELL, 100, 16 * U));

        book.restore(1, 4 * U);
        expectEvents(level(SELL, 100, 20 * U));
        limit(4, 3, BUY, 100, 10 * U, IOC);
        expectEvents(trade(2, 4, 3, 1, 1, BUY, 100, 10 * U, 1000), level(SELL, 100, 10 * U));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void restoreOnAnExhaustedAdRequeuesItAtTheBack(BookImpl impl) {
        open(impl);
        ad(1, 1, SELL, 100, 10 * U);
        ad(2, 2, SELL, 100, 10 * U);
        settled();
        limit(3, 3, BUY, 100, 10 * U, IOC);
        expectEvents(trade(1, 3, 3, 1, 1, BUY, 100, 10 * U, 1000), level(SELL, 100, 10 * U));
        assertEquals(2, book.size()); // exhausted, still known

        book.restore(1, 3 * U);
        expectEvents(level(SELL, 100, 13 * U));
        limit(4, 3, BUY, 100, 11 * U, IOC);
        expectEvents(
                trade(2, 4, 3, 2, 2, BUY, 100, 10 * U, 1000), level(SELL, 100, 3 * U),
                trade(3, 4, 3, 1, 1, BUY, 100, U, 100), level(SELL, 100, 2 * U));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void restoreOnACancelledAdIsRejected(BookImpl impl) {
        open(impl);
        ad(1, 1, SELL, 100, 10 * U);
        settled();

        book.cancel(1);
        expectEvents(level(SELL, 100, 0), cancelled(1, 1, 10 * U, CancelReason.REQUESTED));
        book.restore(1, 5 * U);
        expectEvents(reject(1, RejectReason.UNKNOWN_ID));
        assertEquals(0, book.size());
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void cancellingAnExhaustedAdReportsNothingLeftAndForgetsIt(BookImpl impl) {
        open(impl);
        ad(1, 1, SELL, 100, 10 * U);
        limit(2, 2, BUY, 100, 10 * U, IOC);
        settled();

        book.cancel(1);
        expectEvents(cancelled(1, 1, 0, CancelReason.REQUESTED));
        book.restore(1, U);
        expectEvents(reject(1, RejectReason.UNKNOWN_ID));
        assertEquals(0, book.size());
    }

    /**
     * A book keeps {@link BookImpl#EXHAUSTED_ADS_KEPT} (3) exhausted ads: when a fourth runs out, the one that
     * ran out first is forgotten (reported, holding nothing) and a restore, price move or cancel naming it is
     * UNKNOWN_ID; the others are still restored. A restore or cancel frees a place, so nothing is forgotten then.
     */
    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void theAdThatRanOutLongestAgoIsForgottenBeyondTheBound(BookImpl impl) {
        open(impl);
        for (long ad = 1; ad <= 3; ad++) {
            ad(ad, ad, SELL, 100, U);
            limit(10 + ad, 9, BUY, 100, U, IOC);
        }
        assertEquals(3, book.size());
        ad(4, 4, SELL, 100, U);
        settled();
        limit(14, 9, BUY, 100, U, IOC);
        expectEvents(trade(4, 14, 9, 4, 4, BUY, 100, U, 100), level(SELL, 100, 0), BookEvent.forgotten(1, 1));
        assertEquals(3, book.size());

        book.restore(1, U);
        expectEvents(reject(1, RejectReason.UNKNOWN_ID));
        book.amendPrice(1, 101);
        expectEvents(reject(1, RejectReason.UNKNOWN_ID));
        book.cancel(1);
        expectEvents(reject(1, RejectReason.UNKNOWN_ID));
        book.restore(2, U);
        expectEvents(level(SELL, 100, U));

        ad(5, 5, SELL, 100, U);
        limit(15, 9, BUY, 100, 2 * U, IOC); // exhausts 2 again, then 5: 3 ran out longest ago
        settled();
        assertEquals(3, book.size());
        book.restore(3, U);
        expectEvents(reject(3, RejectReason.UNKNOWN_ID));
        book.restore(4, U);
        expectEvents(level(SELL, 100, U));
        ad(1, 1, SELL, 100, U); // a forgotten id is free again
        expectEvents(level(SELL, 100, 2 * U));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void restoreOnALimitOrderIsTheWrongKind(BookImpl impl) {
        open(impl);
        limit(1, 1, SELL, 100, 10 * U, GTC);
        settled();

        book.restore(1, U);
        expectEvents(reject(1, RejectReason.WRONG_ORDER_KIND));
    }

    // ---- ids and arguments ----

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void unknownIdsAreRejected(BookImpl impl) {
        open(impl);
        book.cancel(42);
        book.amend(43, 100, U);
        book.restore(44, U);
        expectEvents(reject(42, RejectReason.UNKNOWN_ID), reject(43, RejectReason.UNKNOWN_ID),
                reject(44, RejectReason.UNKNOWN_ID));

        limit(1, 1, SELL, 100, U, GTC);
        book.cancel(1);
        settled();
        book.cancel(1);
        expectEvents(reject(1, RejectReason.UNKNOWN_ID));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void liveIdsCannotBeUsedAgain(BookImpl impl) {
        open(impl);
        ad(1, 1, SELL, 100, 10 * U);
        settled();

        book.postAd(1, 2, SELL, 101, U, 0, NO_MAX, CARD, 0);
        limit(1, 2, BUY, 90, U, GTC);
        book.placeExpress(1, 2, BUY, U, false, CARD, 0);
        onAd(1, 2, BUY, 1, U);
        expectEvents(reject(1, RejectReason.DUPLICATE_ID), reject(1, RejectReason.DUPLICATE_ID),
                reject(1, RejectReason.DUPLICATE_ID), reject(1, RejectReason.DUPLICATE_ID));
        assertEquals(1, book.size());
        assertEquals(10 * U, book.quantityAt(SELL, 100));

        // An exhausted ad is still live: its id stays taken.
        limit(2, 2, BUY, 100, 10 * U, IOC);
        settled();
        limit(1, 2, BUY, 90, U, GTC);
        expectEvents(reject(1, RejectReason.DUPLICATE_ID));

        // A filled limit order has left the book: its id is free again.
        limit(3, 3, SELL, 95, U, GTC);
        limit(4, 2, BUY, 95, U, GTC);
        settled();
        limit(3, 3, SELL, 96, U, GTC);
        expectEvents(level(SELL, 96, U));
    }

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void invalidArgumentsAreRejected(BookImpl impl) {
        open(impl);
        limit(1, 1, BUY, 0, U, GTC);
        limit(2, 1, BUY, Limits.MAX_PRICE_TICKS + 1, U, GTC);
        limit(3, 1, BUY, 100, 0, GTC);
        limit(4, 1, BUY, 100, Limits.MAX_QUANTITY + 1, GTC);
        book.postAd(5, 1, SELL, 100, U, 500, 499, CARD, 0);
        book.placeExpress(6, 1, BUY, 0, true, CARD, 0);
        expectEvents(reject(1, RejectReason.INVALID_PRICE), reject(2, RejectReason.INVALID_PRICE),
                reject(3, RejectReason.INVALID_QUANTITY), reject(4, RejectReason.INVALID_QUANTITY),
                reject(5, RejectReason.INVALID_QUANTITY), reject(6, RejectReason.INVALID_QUANTITY));
        assertEquals(0, book.size());
    }

    // ---- depth ----

    @ParameterizedTest
    @EnumSource(BookImpl.class)
    void depthSumsAndCountsTheFillableAdsPerLevelBestFirst(BookImpl impl) {
        open(impl);
        ad(1, 1, SELL, 101, 10 * U);
        ad(2, 2, SELL, 100, 4 * U);
        ad(3, 3, SELL, 100, 6 * U);
        ad(4, 4, SELL, 103, 1 * U);
        ad(5, 5, BUY, 98, 7 * U);
        ad(6, 6, BUY, 99, 2 * U);
        // A limit order rests but is not an ad; an ad left with 2 micro-units (worth 0) against a minimum of 500 is
        // dust no taker can fill.
        limit(7, 7, SELL, 102, 5 * U, GTC);
        book.postAd(8, 8, SELL, 104, 10 * U, 500, NO_MAX, CARD, 0);
        onAd(9, 9, BUY, 8, 10 * U - 2);
        // 5 USDT at 97 is worth 485: fillable against a minimum of 400.
        book.postAd(10, 10, BUY, 97, 5 * U, 400, NO_MAX, CARD, 0);
        assertEquals(2, book.quantityAt(SELL, 104));

        assertEquals(List.of(depth(100, 10 * U, 2), depth(101, 10 * U, 1), depth(103, U, 1)),
                BookImpl.depthOf(book, SELL, 100));
        assertEquals(List.of(depth(99, 2 * U, 1), depth(98, 7 * U, 1)), BookImpl.depthOf(book, BUY, 2));
        assertEquals(List.of(depth(99, 2 * U, 1), depth(98, 7 * U, 1), depth(97, 5 * U, 1)),
                BookImpl.depthOf(book, BUY, 100));
        assertEquals(List.of(), BookImpl.depthOf(book, SELL, 0));

        // A partial fill lowers its level; an exhausted ad and a cancelled one leave it.
        onAd(11, 9, BUY, 2, 3 * U);
        assertEquals(depth(100, 7 * U, 2), BookImpl.depthOf(book, SELL, 1).get(0));
        onAd(12, 9, BUY, 2, U);
        book.cancel(3);
        assertEquals(depth(101, 10 * U, 1), BookImpl.depthOf(book, SELL, 1).get(0));
        // Quantity restored to the exhausted ad puts it back at the end of its level.
        book.restore(2, 2 * U);
        assertEquals(depth(100, 2 * U, 1), BookImpl.depthOf(book, SELL, 1).get(0));
    }

    private static BookImpl.DepthLevel depth(long price, long quantity, int ads) {
        return new BookImpl.DepthLevel(price, quantity, ads);
    }
}
