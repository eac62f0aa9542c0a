package com.c2c.matching.engine;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random command sequences that exercise every rule of {@link OrderBook}: a narrow price band so
 * orders cross and share levels, few owners so self-trade prevention triggers, few payment-method
 * bits, ad fiat limits on the scale of real fills (so they sometimes cap or exclude a fill), trade
 * conditions, reused and unknown ids, and some invalid arguments.
 */
final class Scenarios {
    static final int MAX_COMMANDS = 300;
    private static final long MAX_TYPICAL_QUANTITY = 5_000_000_000L;
    /** Prices in a band are centre + offset * spacing, offset in -BAND_OFFSETS..BAND_OFFSETS. */
    private static final int BAND_OFFSETS = 10;

    private Scenarios() {
    }

    static Arbitrary<Scenario> scenarios() {
        Arbitrary<Long> tickMinor = Arbitraries.of(1L, 5L);
        Arbitrary<List<Draft>> drafts = draft().list().ofMaxSize(MAX_COMMANDS)
                .withSizeDistribution(RandomDistribution.uniform());
        return Combinators.combine(tickMinor, band(), drafts)
                .as((tick, band, list) -> new Scenario(tick, resolve(list, band)));
    }

    /**
     * Where a scenario's prices lie. Mostly 90..110; sometimes straddling a 64-tick word or a 4,096-tick
     * page of an array ladder's occupancy bitsets, or spread over several pages — where a fast book's
     * "next level" search can go wrong while 90..110 never notices.
     */
    record Band(long centre, long spacing) {
        long price(int offset) {
            return centre + offset * spacing;
        }

        /** Fiat amounts scale with the price, so ad limits stay on the scale of fills. */
        long fiat(long amount) {
            return amount <= 0 || amount >= Limits.MAX_QUANTITY ? amount : amount * Math.max(1, centre / 100);
        }
    }

    private static Arbitrary<Band> band() {
        return Arbitraries.frequency(
                Tuple.of(70, new Band(100, 1)),
                Tuple.of(10, new Band(128, 1)),
                Tuple.of(10, new Band(4096, 1)),
                Tuple.of(10, new Band(8192, 409)));
    }

    /**
     * A command not fully decided yet: its ids depend on the ids used before it in the sequence and
     * its prices on the scenario's band, which only {@link #resolve} knows.
     */
    interface Draft {
        Command resolve(IdPool ids, Band band);
    }

    private static List<Command> resolve(List<Draft> drafts, Band band) {
        IdPool ids = new IdPool();
        List<Command> commands = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            commands.add(draft.resolve(ids, band));
        }
        return commands;
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<Draft> draft() {
        return Arbitraries.frequencyOf(
                Tuple.of(25, postAd()),
                Tuple.of(25, placeLimit()),
                Tuple.of(14, placeExpress()),
                Tuple.of(12, placeOnAd()),
                Tuple.of(12, cancel()),
                Tuple.of(14, amend()),
                Tuple.of(6, amendPrice()),
                Tuple.of(10, restore()));
    }

    private static Arbitrary<Draft> postAd() {
        return Combinators.combine(pick(), owner(), side(), price(), quantity(), fiatLimits(), paymentMethods(),
                minCompletedTrades()).as((pick, owner, side, price, qty, limits, methods, minTrades) -> (ids, band) -> {
                    long id = ids.forNewOrder(pick, true);
                    long priceTicks = price.in(band);
                    ids.remember(id, priceTicks, qty);
                    ids.rememberSide(id, side);
                    ids.rememberAd(id);
                    return new Command.PostAd(id, owner, side, priceTicks, qty, band.fiat(limits.min()),
                            band.fiat(limits.max()), methods, minTrades);
                });
    }

    private static Arbitrary<Draft> placeLimit() {
        Arbitrary<TimeInForce> tif = Arbitraries.frequency(
                Tuple.of(60, TimeInForce.GTC), Tuple.of(20, TimeInForce.IOC), Tuple.of(20, TimeInForce.FOK));
        return Combinators.combine(pick(), owner(), side(), price(), quantity(), tif)
                .as((pick, owner, side, price, qty, timeInForce) -> (ids, band) -> {
                    long id = ids.forNewOrder(pick, timeInForce == TimeInForce.GTC);
                    long priceTicks = price.in(band);
                    ids.remember(id, priceTicks, qty);
                    ids.rememberSide(id, side);
                    return new Command.PlaceLimit(id, owner, side, priceTicks, qty, timeInForce);
                });
    }

    private static Arbitrary<Draft> placeExpress() {
        Arbitrary<Long> fiatAmount = Arbitraries.frequencyOf(
                Tuple.of(90, Arbitraries.longs().between(1, 1_500_000)),
                Tuple.of(10, invalidAmount()));
        Arbitrary<Integer> completedTrades = Arbitraries.integers().between(0, 12);
        return Combinators.combine(pick(), owner(), side(), Arbitraries.of(true, false), fiatAmount,
                Combinators.combine(quantity(), priceLimit()).as(Tuple::of), paymentMethods(), completedTrades)
                .as((pick, owner, side, byFiat, fiat, qtyAndLimit, methods, trades) -> (ids, band) ->
                        new Command.PlaceExpress(ids.forNewOrder(pick, false), owner, side,
                                byFiat ? band.fiat(fiat) : qtyAndLimit.get1(), byFiat, methods, trades,
                                qtyAndLimit.get2().in(band, side)));
    }

    /** A taker's price limit: none, an offset into the band, or an extreme or invalid value. */
    record LimitChoice(boolean none, PriceChoice price) {
        long in(Band band, Side side) {
            return none ? Limits.noPriceLimit(side) : price.in(band);
        }
    }

    /** Half without a limit (as before limits existed); the rest mostly in the band, where fills are. */
    private static Arbitrary<LimitChoice> priceLimit() {
        return Arbitraries.frequencyOf(
                Tuple.of(50, Arbitraries.just(new LimitChoice(true, null))),
                Tuple.of(50, price().map(p -> new LimitChoice(false, p))));
    }

    /** A taker's own conditions: who, which side, how it pays, how many trades it completed. */
    record Taker(long owner, Side side, long paymentMethods, int completedTrades) {
    }

    private static Arbitrary<Taker> taker() {
        return Combinators.combine(owner(), side(), paymentMethods(), Arbitraries.integers().between(0, 12))
                .as(Taker::new);
    }

    /**
     * Mostly on a recent ad, from its other side, for a share of what it was posted with, so that many
     * fill; sometimes on a limit order, a cancelled or exhausted ad, an unknown id or from the same side;
     * amounts by fiat as for express orders.
     */
    private static Arbitrary<Draft> placeOnAd() {
        Arbitrary<Boolean> otherSide = Arbitraries.frequency(Tuple.of(90, true), Tuple.of(10, false));
        Arbitrary<Long> fiatAmount = Arbitraries.frequencyOf(
                Tuple.of(90, Arbitraries.longs().between(1, 1_500_000)),
                Tuple.of(10, invalidAmount()));
        Arbitrary<Integer> percentOfAd = Arbitraries.frequencyOf(
                Tuple.of(60, Arbitraries.integers().between(1, 120)),
                Tuple.of(40, Arbitraries.just(0)));
        return Combinators.combine(pick(), pick(), taker(), otherSide, Arbitraries.of(true, false), fiatAmount,
                percentOfAd, Combinators.combine(quantity(), priceLimit()).as(Tuple::of))
                .as((pick, adPick, taker, against, byFiat, fiat, percent, qtyAndLimit) -> (ids, band) -> {
                    long qty = qtyAndLimit.get1();
                    long adId = ids.forChosenAd(adPick);
                    long id = ids.forNewOrder(pick, false);
                    Side side = against ? ids.side(adId, taker.side()).opposite() : taker.side();
                    long amount;
                    if (percent == 0) {
                        amount = byFiat ? band.fiat(fiat) : qty;
                    } else {
                        long share = Math.max(1, ids.lastQuantity(adId, qty) / 100 * percent);
                        // Priced at one minor unit per tick: exact at tick 1, a smaller fiat amount at tick 5.
                        long price = Math.clamp(ids.lastPrice(adId, band.centre()), 1, Limits.MAX_PRICE_TICKS);
                        amount = byFiat ? Math.max(1, Limits.fiatFor(share, price)) : share;
                    }
                    return new Command.PlaceOnAd(id, taker.owner(), side, adId, amount, byFiat,
                            taker.paymentMethods(), taker.completedTrades(), qtyAndLimit.get2().in(band, side));
                });
    }

    private static Arbitrary<Draft> cancel() {
        return pick().map(pick -> (ids, band) -> new Command.Cancel(ids.forExistingOrder(pick)));
    }

    /** Half the amends keep the price and half scale the last quantity: those exercise "keeps priority". */
    private static Arbitrary<Draft> amend() {
        Arbitrary<Integer> percentOfLast = Arbitraries.integers().between(1, 150);
        return Combinators.combine(pick(), Arbitraries.of(true, false), price(), Arbitraries.of(true, false),
                percentOfLast, quantity())
                .as((pick, keepPrice, price, scale, percent, qty) -> (ids, band) -> {
                    long id = ids.forExistingOrder(pick);
                    long newPrice = keepPrice ? ids.lastPrice(id, price.in(band)) : price.in(band);
                    long newQty = scale ? Math.max(1, ids.lastQuantity(id, qty) / 100 * percent) : qty;
                    ids.remember(id, newPrice, newQty);
                    return new Command.Amend(id, newPrice, newQty);
                });
    }

    private static Arbitrary<Draft> amendPrice() {
        return Combinators.combine(pick(), price()).as((pick, price) -> (ids, band) -> {
            long id = ids.forExistingOrder(pick);
            long newPrice = price.in(band);
            ids.rememberPrice(id, newPrice);
            return new Command.AmendPrice(id, newPrice);
        });
    }

    private static Arbitrary<Draft> restore() {
        Arbitrary<Long> returned = Arbitraries.frequencyOf(
                Tuple.of(80, Arbitraries.longs().between(1, 2_000_000_000L)),
                Tuple.of(20, quantity()));
        return Combinators.combine(pick(), returned)
                .as((pick, qty) -> (ids, band) -> new Command.Restore(ids.forExistingOrder(pick), qty));
    }

    // ---- fields ----

    private static Arbitrary<Integer> pick() {
        return Arbitraries.integers().between(0, IdPool.PICKS - 1);
    }

    private static Arbitrary<Long> owner() {
        return Arbitraries.longs().between(1, 4);
    }

    private static Arbitrary<Side> side() {
        return Arbitraries.of(Side.class);
    }

    /** A price: an offset into the scenario's band, or a fixed extreme or invalid value. */
    record PriceChoice(boolean inBand, long value) {
        long in(Band band) {
            return inBand ? band.price((int) value) : value;
        }
    }

    /** Mostly the band (crossing, colliding levels); sometimes the extremes or invalid. */
    private static Arbitrary<PriceChoice> price() {
        Arbitrary<Long> fixed = Arbitraries.frequencyOf(
                Tuple.of(50, Arbitraries.of(1L, Limits.MAX_PRICE_TICKS)),
                Tuple.of(50, Arbitraries.of(0L, -1L, Limits.MAX_PRICE_TICKS + 1, Long.MAX_VALUE)));
        return Arbitraries.frequencyOf(
                Tuple.of(94, Arbitraries.longs().between(-BAND_OFFSETS, BAND_OFFSETS).map(o -> new PriceChoice(true, o))),
                Tuple.of(6, fixed.map(p -> new PriceChoice(false, p))));
    }

    /** USDT micro-units: mostly up to 5,000 USDT, some small, rarely the maximum or invalid. */
    private static Arbitrary<Long> quantity() {
        return Arbitraries.frequencyOf(
                Tuple.of(70, Arbitraries.longs().between(1, MAX_TYPICAL_QUANTITY)
                        .withDistribution(RandomDistribution.uniform())),
                Tuple.of(24, Arbitraries.longs().between(1, 2_000_000)),
                Tuple.of(2, Arbitraries.just(Limits.MAX_QUANTITY)),
                Tuple.of(4, invalidAmount()));
    }

    private static Arbitrary<Long> invalidAmount() {
        return Arbitraries.of(0L, -1L, -1_000_000L, Limits.MAX_QUANTITY + 1);
    }

    /** A few bits, so masks overlap sometimes and sometimes not; 0 overlaps nothing. */
    private static Arbitrary<Long> paymentMethods() {
        return Arbitraries.frequencyOf(
                Tuple.of(95, Arbitraries.longs().between(1, 0b111)),
                Tuple.of(5, Arbitraries.just(0L)));
    }

    private static Arbitrary<Integer> minCompletedTrades() {
        return Arbitraries.frequencyOf(
                Tuple.of(70, Arbitraries.just(0)),
                Tuple.of(30, Arbitraries.integers().between(1, 10)));
    }

    /** An ad's per-fill fiat window, fiat minor units (before {@link Band#fiat} scales it). */
    record FiatLimits(long min, long max) {
    }

    /**
     * Fills around a price of 100 ticks are worth up to ~2,750,000 fiat minor units (5,000 USDT at 550
     * minor per USDT), so windows on that scale sometimes pass a fill, sometimes cap it at the max and
     * sometimes exclude it by the min.
     */
    private static Arbitrary<FiatLimits> fiatLimits() {
        Arbitrary<Long> min = Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.just(0L)),
                Tuple.of(70, Arbitraries.longs().between(1, 1_500_000)));
        Arbitrary<Long> width = Arbitraries.longs().between(0, 2_000_000);
        Arbitrary<FiatLimits> window = Combinators.combine(min, width).as((lo, w) -> new FiatLimits(lo, lo + w));
        return Arbitraries.frequencyOf(
                Tuple.of(45, Arbitraries.just(new FiatLimits(0, Limits.MAX_QUANTITY))),
                Tuple.of(50, window),
                Tuple.of(5, Arbitraries.of(new FiatLimits(-1, 1_000), new FiatLimits(500, 499),
                        new FiatLimits(0, Limits.MAX_QUANTITY + 1))));
    }
}
