package com.c2c.matching.market.api;

import com.c2c.events.FiatAmount;
import com.c2c.events.UsdtAmount;
import com.c2c.matching.book.BookDepth;
import com.c2c.matching.market.MarketService.MarketDepth;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.SortedMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A market's book depth for frontends: amounts as decimal strings, best price first on each side. */
public record BookDepthView(
        @Schema(example = "USDT-CNY") String market,
        @Schema(description = "SELL ads: USDT offered, lowest price first") List<LevelView> asks,
        @Schema(description = "BUY ads: USDT wanted, highest price first") List<LevelView> bids,
        @Schema(description = "inputs the engine had applied when the depth was taken; grows with every input,"
                + " so of two answers the one with the higher sequence is the newer", example = "1834")
        long sequence,
        @Schema(description = "per input partition, the offset of the last input applied")
        SortedMap<Integer, Long> offsets,
        @Schema(description = "when the engine took the depth") Instant takenAt) {

    public record LevelView(
            @Schema(description = "fiat per USDT, in the fiat's decimals", example = "7.20") String price,
            @Schema(description = "total USDT the level's ads have left, 6 decimals", example = "1500.000000")
            String quantity,
            @Schema(description = "how many ads rest at this price", example = "2") int ads) {
    }

    /** The best {@code levels} levels of each side. */
    public static BookDepthView of(MarketDepth published, int levels) {
        BookDepth depth = published.depth();
        Currency fiat = published.fiat();
        return new BookDepthView(depth.market(), levels(depth.asks(), fiat, levels), levels(depth.bids(), fiat, levels),
                depth.input().sequence(), depth.input().lastOffsets(), depth.input().takenAt());
    }

    private static List<LevelView> levels(List<BookDepth.Level> levels, Currency fiat, int max) {
        return levels.stream().limit(max)
                .map(l -> new LevelView(FiatAmount.fromMinor(l.priceMinor(), fiat).toPlainString(),
                        UsdtAmount.fromMicros(l.quantityMicros()).toPlainString(), l.ads()))
                .toList();
    }
}
