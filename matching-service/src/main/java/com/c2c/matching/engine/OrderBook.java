package com.c2c.matching.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One market's book: price-time priority, integer prices (ticks) and quantities (USDT micro-units).
 * Single-threaded and deterministic: the same commands in the same order produce the same
 * listener calls, whatever the implementation. Every command either takes effect entirely or is
 * rejected through {@link BookListener#onReject} and changes nothing.
 *
 * <p>C2C eligibility applies to every match: the maker's and taker's payment methods overlap, the
 * owners differ (self-trade prevention: the maker is skipped), the taker has at least the maker's
 * minimum completed trades, and the fill's fiat amount lies within the maker's per-order min..max
 * (a fill above the max is reduced to it; one below the min skips the maker).
 */
public interface OrderBook {

    /**
     * Rests a C2C ad (a maker quote). It never takes liquidity: it is placed at its price even if
     * that crosses the other side. An ad whose remaining quantity reaches zero stays known (not on
     * the book) so quantity returned by {@link #restore} can put it back; {@link #cancel} removes it, and
     * so does the bound on exhausted ads (the one that ran out longest ago is forgotten when more than
     * the book keeps have run out, reported by {@link BookListener#onAdForgotten}).
     *
     * @param minFiat           smallest fill, fiat minor units
     * @param maxFiat           largest fill, fiat minor units
     * @param paymentMethods    bitmask of accepted payment methods
     * @param minCompletedTrades a taker needs at least this many completed trades
     */
    void postAd(long adId, long ownerId, Side side, long priceTicks, long quantity, long minFiat, long maxFiat,
            long paymentMethods, int minCompletedTrades);

    /**
     * An exchange-style limit order, for professional makers (maker API): as a taker it pays by any
     * method and meets every ad's conditions; resting, it accepts any payment method and anyone.
     */
    void placeLimit(long orderId, long ownerId, Side side, long priceTicks, long quantity, TimeInForce tif);

    /**
     * A taker's express order: fills completely against the single best-priced eligible resting
     * order or ad (first in time at that price) whose price is within {@code limitTicks}, or is
     * rejected: {@link RejectReason#PRICE_LIMIT} if the book has levels beyond the limit that were not
     * considered, else {@link RejectReason#NO_ELIGIBLE_AD}. Never rests. The limit costs one comparison
     * per price level: levels are visited best first, so the first one beyond it ends the search.
     *
     * @param amount          fiat minor units if {@code byFiat}, else USDT micro-units
     * @param paymentMethods  the taker's payment methods (bitmask)
     * @param completedTrades the taker's completed trades, checked against ads' conditions
     * @param limitTicks      the worst price the taker accepts (a BUY pays at most, a SELL receives at
     *                        least this), in 1..{@link Limits#MAX_PRICE_TICKS}, else INVALID_PRICE;
     *                        {@link Limits#noPriceLimit} for none
     */
    void placeExpress(long orderId, long ownerId, Side side, long amount, boolean byFiat, long paymentMethods,
            int completedTrades, long limitTicks);

    /** {@link #placeExpress(long, long, Side, long, boolean, long, int, long)} with no price limit. */
    default void placeExpress(long orderId, long ownerId, Side side, long amount, boolean byFiat, long paymentMethods,
            int completedTrades) {
        placeExpress(orderId, ownerId, side, amount, byFiat, paymentMethods, completedTrades,
                Limits.noPriceLimit(side));
    }

    /**
     * A taker's order on the one ad it chose: fills completely against ad {@code adId} at the ad's price,
     * under the same amount conversion and conditions as {@link #placeExpress}, or changes nothing. Never
     * rests. Rejected with {@link RejectReason#AD_NOT_AVAILABLE} if the id names no live ad on the other
     * side, {@link RejectReason#OWN_AD} if the taker owns it, {@link RejectReason#PRICE_LIMIT} if the
     * ad's price is beyond {@code limitTicks}, {@link RejectReason#AD_NOT_ELIGIBLE} if the ad cannot fill
     * it (remaining quantity, fiat min..max, payment method, completed trades).
     *
     * @param amount          fiat minor units if {@code byFiat}, else USDT micro-units
     * @param paymentMethods  the taker's payment methods (bitmask)
     * @param completedTrades the taker's completed trades, checked against the ad's condition
     * @param limitTicks      the worst price the taker accepts, as for {@link #placeExpress}
     */
    void placeOnAd(long orderId, long ownerId, Side side, long adId, long amount, boolean byFiat,
            long paymentMethods, int completedTrades, long limitTicks);

    /** {@link #placeOnAd(long, long, Side, long, long, boolean, long, int, long)} with no price limit. */
    default void placeOnAd(long orderId, long ownerId, Side side, long adId, long amount, boolean byFiat,
            long paymentMethods, int completedTrades) {
        placeOnAd(orderId, ownerId, side, adId, amount, byFiat, paymentMethods, completedTrades,
                Limits.noPriceLimit(side));
    }

    /** Removes a resting order or ad (including an exhausted ad); reports the cancelled remainder. */
    void cancel(long orderId);

    /**
     * Changes a resting order's price and quantity. Reducing quantity at the same price keeps time
     * priority; raising it or changing the price re-queues the order at the back of its level. A
     * limit order moved across the spread trades as a GTC order would; an ad never takes.
     */
    void amend(long orderId, long newPriceTicks, long newQuantity);

    /**
     * Moves a resting order or ad to a new price and keeps its remaining quantity: exactly
     * {@code amend(orderId, newPriceTicks, remaining)}. An exhausted ad takes the new price without a
     * book change, so quantity a later {@link #restore} returns rests there and not at the old price.
     */
    void amendPrice(long orderId, long newPriceTicks);

    /**
     * Returns quantity to an ad after one of its trades was cancelled or refunded. The ad keeps its
     * place if it is still resting, or rejoins the back of its level if it was exhausted. Rejected
     * with UNKNOWN_ID if the ad was cancelled meanwhile (the caller then releases the funds).
     */
    void restore(long adId, long quantity);

    /** Best bid price in ticks, or {@link Limits#NONE}. */
    long bestBid();

    /** Best ask price in ticks, or {@link Limits#NONE}. */
    long bestAsk();

    /** Resting quantity at a price, 0 if none. */
    long quantityAt(Side side, long priceTicks);

    /**
     * Reports this side's depth to {@code out}: price levels best first (asks lowest, bids highest), each
     * with the total remaining quantity and the number of its fillable ads, skipping levels that hold
     * none, up to {@code maxLevels} levels. An ad is fillable if it rests on the book (an exhausted ad
     * does not) and what it has left is worth at least its per-order minimum at its price: less could
     * never be taken. Resting limit orders are not ads and are not counted. Changes nothing.
     *
     * @return the number of levels reported
     */
    int depth(Side side, int maxLevels, DepthListener out);

    /** Whether this id is a live order or ad (resting, or an exhausted ad). */
    boolean contains(long orderId);

    /** Live orders and ads, including exhausted ads. */
    int size();

    /** Writes the whole state: every order in priority order, and the trade counter. */
    void writeSnapshot(DataOutput out) throws IOException;

    /** Replaces the whole state with a snapshot written by any implementation. */
    void readSnapshot(DataInput in) throws IOException;
}
