package com.c2c.matching.engine;

/**
 * One call on an {@link OrderBook}, as a value, so generated sequences can be replayed on several
 * books. {@code toString} prints the call as Java code: a shrunk failing sequence pastes straight
 * into a reproduction test.
 */
sealed interface Command {

    /** The order or ad id the command names (its rejects and cancels carry it). */
    long id();

    void applyTo(OrderBook book);

    record PostAd(long id, long owner, Side side, long price, long quantity, long minFiat, long maxFiat,
            long paymentMethods, int minCompletedTrades) implements Command {
        @Override
        public void applyTo(OrderBook book) {
            book.postAd(id, owner, side, price, quantity, minFiat, maxFiat, paymentMethods, minCompletedTrades);
        }

        @Override
        public String toString() {
            return "book.postAd(%d, %d, Side.%s, %d, %dL, %dL, %dL, 0b%s, %d);".formatted(id, owner, side, price,
                    quantity, minFiat, maxFiat, Long.toBinaryString(paymentMethods), minCompletedTrades);
        }
    }

    record PlaceLimit(long id, long owner, Side side, long price, long quantity, TimeInForce tif)
            implements Command {
        @Override
        public void applyTo(OrderBook book) {
            book.placeLimit(id, owner, side, price, quantity, tif);
        }

        @Override
        public String toString() {
            return "book.placeLimit(%d, %d, Side.%s, %d, %dL, TimeInForce.%s);".formatted(id, owner, side, price,
                    quantity, tif);
        }
    }

    /**
     * {@code amount} is fiat minor units if {@code byFiat}, else USDT micro-units; {@code limit} the worst
     * price in ticks the taker accepts ({@link Limits#noPriceLimit} for none).
     */
    record PlaceExpress(long id, long owner, Side side, long amount, boolean byFiat, long paymentMethods,
            int completedTrades, long limit) implements Command {
        PlaceExpress(long id, long owner, Side side, long amount, boolean byFiat, long paymentMethods,
                int completedTrades) {
            this(id, owner, side, amount, byFiat, paymentMethods, completedTrades, Limits.noPriceLimit(side));
        }

        @Override
        public void applyTo(OrderBook book) {
            book.placeExpress(id, owner, side, amount, byFiat, paymentMethods, completedTrades, limit);
        }

        /** The same order without a price limit. */
        PlaceExpress unlimited() {
            return new PlaceExpress(id, owner, side, amount, byFiat, paymentMethods, completedTrades);
        }

        @Override
        public String toString() {
            return "book.placeExpress(%d, %d, Side.%s, %dL, %s, 0b%s, %d, %dL);".formatted(id, owner, side, amount,
                    byFiat, Long.toBinaryString(paymentMethods), completedTrades, limit);
        }
    }

    /** An order on the chosen ad {@code adId}; {@code amount} and {@code limit} as for {@link PlaceExpress}. */
    record PlaceOnAd(long id, long owner, Side side, long adId, long amount, boolean byFiat, long paymentMethods,
            int completedTrades, long limit) implements Command {
        PlaceOnAd(long id, long owner, Side side, long adId, long amount, boolean byFiat, long paymentMethods,
                int completedTrades) {
            this(id, owner, side, adId, amount, byFiat, paymentMethods, completedTrades, Limits.noPriceLimit(side));
        }

        @Override
        public void applyTo(OrderBook book) {
            book.placeOnAd(id, owner, side, adId, amount, byFiat, paymentMethods, completedTrades, limit);
        }

        /** The same order without a price limit. */
        PlaceOnAd unlimited() {
            return new PlaceOnAd(id, owner, side, adId, amount, byFiat, paymentMethods, completedTrades);
        }

        @Override
        public String toString() {
            return "book.placeOnAd(%d, %d, Side.%s, %d, %dL, %s, 0b%s, %d, %dL);".formatted(id, owner, side, adId,
                    amount, byFiat, Long.toBinaryString(paymentMethods), completedTrades, limit);
        }
    }

    record Cancel(long id) implements Command {
        @Override
        public void applyTo(OrderBook book) {
            book.cancel(id);
        }

        @Override
        public String toString() {
            return "book.cancel(%d);".formatted(id);
        }
    }

    record Amend(long id, long newPrice, long newQuantity) implements Command {
        @Override
        public void applyTo(OrderBook book) {
            book.amend(id, newPrice, newQuantity);
        }

        @Override
        public String toString() {
            return "book.amend(%d, %d, %dL);".formatted(id, newPrice, newQuantity);
        }
    }

    record AmendPrice(long id, long newPrice) implements Command {
        @Override
        public void applyTo(OrderBook book) {
            book.amendPrice(id, newPrice);
        }

        @Override
        public String toString() {
            return "book.amendPrice(%d, %d);".formatted(id, newPrice);
        }
    }

    record Restore(long id, long quantity) implements Command {
        @Override
        public void applyTo(OrderBook book) {
            book.restore(id, quantity);
        }

        @Override
        public String toString() {
            return "book.restore(%d, %dL);".formatted(id, quantity);
        }
    }
}
