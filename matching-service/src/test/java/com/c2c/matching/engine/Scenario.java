package com.c2c.matching.engine;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** A book's tick size and the commands to run on it, in order. */
record Scenario(long tickMinor, List<Command> commands) {

    Scenario {
        commands = List.copyOf(commands);
    }

    /** A fresh book of {@code impl} that has run every command, reporting to {@code listener}. */
    OrderBook runOn(BookImpl impl, BookListener listener) {
        OrderBook book = impl.create(tickMinor, listener);
        applyTo(book, 0, commands.size());
        return book;
    }

    /** Applies commands {@code from} (inclusive) to {@code to} (exclusive). */
    void applyTo(OrderBook book, int from, int to) {
        for (Command command : commands.subList(from, to)) {
            command.applyTo(book);
        }
    }

    /** Every price a command names: where to probe {@code quantityAt} when comparing books. */
    SortedSet<Long> pricesUsed() {
        SortedSet<Long> prices = new TreeSet<>();
        for (Command command : commands) {
            switch (command) {
                case Command.PostAd c -> prices.add(c.price());
                case Command.PlaceLimit c -> prices.add(c.price());
                case Command.Amend c -> prices.add(c.newPrice());
                case Command.AmendPrice c -> prices.add(c.newPrice());
                default -> {
                }
            }
        }
        return prices;
    }

    /** Readable and pasteable: jqwik prints this for a (shrunk) failing sample. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("\nOrderBook book = new XxxBook(" + tickMinor + ", listener);\n");
        for (Command command : commands) {
            text.append(command).append('\n');
        }
        return text.toString();
    }
}
