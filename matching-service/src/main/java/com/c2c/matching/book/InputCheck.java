package com.c2c.matching.book;

import com.c2c.events.PaymentMethod;
import com.c2c.events.order.AdAmended;
import com.c2c.events.order.AdListed;
import com.c2c.events.order.AdQuantityRestored;
import com.c2c.events.order.AdWithdrawn;
import com.c2c.events.order.OrderCancelRequested;
import com.c2c.events.order.OrderPlaced;
import com.c2c.matching.engine.TimeInForce;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an input must hold before it reaches a book: the fields the book does not check itself
 * (texts and enums that would otherwise fail half-way through a command). Amounts, prices and ids are
 * the book's to refuse. A problem found here becomes an {@code OrderRejected} {@code INVALID_INPUT}.
 */
final class InputCheck {
    private static final Set<String> SIDES = Set.of("BUY", "SELL");

    private InputCheck() {
    }

    /** What is wrong with the parsed input, for the person whose order or ad it is; null if nothing. */
    static String problemOf(Object input) {
        return switch (input) {
            case AdListed e -> first(market(e.market()), owner(e.ownerId()), side(e.side()), methods(e.paymentMethods()));
            case AdAmended e -> market(e.market());
            case AdWithdrawn e -> market(e.market());
            case AdQuantityRestored e -> market(e.market());
            case OrderCancelRequested e -> market(e.market());
            case OrderPlaced e -> first(market(e.market()), owner(e.ownerId()), side(e.side()),
                    e.mode() == null ? "mode is missing" : null,
                    "LIMIT".equals(e.mode()) ? timeInForce(e.timeInForce()) : methods(e.paymentMethods()));
            default -> "not an input of the book";
        };
    }

    private static String first(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String market(String market) {
        return market == null || market.isBlank() ? "market is missing" : null;
    }

    private static String owner(String owner) {
        return owner == null || owner.isBlank() ? "ownerId is missing" : null;
    }

    private static String side(String side) {
        return side == null || !SIDES.contains(side) ? "side must be BUY or SELL" : null;
    }

    private static String methods(List<PaymentMethod> methods) {
        return methods == null || methods.stream().anyMatch(Objects::isNull) ? "paymentMethods must list known payment methods" : null;
    }

    private static String timeInForce(String tif) {
        for (TimeInForce t : TimeInForce.values()) {
            if (t.name().equals(tif)) {
                return null;
            }
        }
        return "timeInForce must be GTC, IOC or FOK";
    }
}
