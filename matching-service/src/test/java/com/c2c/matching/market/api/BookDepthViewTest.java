package com.c2c.matching.market.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.matching.book.BookDepth;
import com.c2c.matching.market.MarketService.MarketDepth;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Prices in the fiat's own decimals, quantities in USDT's six, and the levels asked for. */
class BookDepthViewTest {
    private static final BookDepth.EngineInput INPUT =
            new BookDepth.EngineInput(42, new TreeMap<>(Map.of(0, 41L)), Instant.parse("2026-05-04T09:30:00Z"));

    @Test
    void pricesUseTheCurrencysDecimals() {
        BookDepth yen = new BookDepth("USDT-JPY",
                List.of(new BookDepth.Level(155, 1_500_000_000L, 2), new BookDepth.Level(156, 1, 1)),
                List.of(new BookDepth.Level(154, 250_500_000L, 1)), INPUT);
        BookDepthView view = BookDepthView.of(new MarketDepth(Currency.getInstance("JPY"), yen), 20);
        assertEquals(List.of(new BookDepthView.LevelView("155", "1500.000000", 2),
                new BookDepthView.LevelView("156", "0.000001", 1)), view.asks());
        assertEquals(List.of(new BookDepthView.LevelView("154", "250.500000", 1)), view.bids());
        assertEquals(42, view.sequence());
        assertEquals(Map.of(0, 41L), view.offsets());

        BookDepth dinar = new BookDepth("USDT-KWD", List.of(new BookDepth.Level(307, 1_000_000L, 1)), List.of(), INPUT);
        assertEquals("0.307", BookDepthView.of(new MarketDepth(Currency.getInstance("KWD"), dinar), 20)
                .asks().get(0).price());
    }

    @Test
    void onlyTheLevelsAskedForAreShown() {
        BookDepth depth = new BookDepth("USDT-CNY",
                List.of(new BookDepth.Level(720, 1, 1), new BookDepth.Level(721, 2, 1), new BookDepth.Level(722, 3, 1)),
                List.of(new BookDepth.Level(715, 4, 1)), INPUT);
        BookDepthView view = BookDepthView.of(new MarketDepth(Currency.getInstance("CNY"), depth), 2);
        assertEquals(List.of("7.20", "7.21"), view.asks().stream().map(BookDepthView.LevelView::price).toList());
        assertEquals(1, view.bids().size());
    }
}
