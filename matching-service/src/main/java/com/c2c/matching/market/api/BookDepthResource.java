package com.c2c.matching.market.api;

import com.c2c.matching.book.PublishedDepths;
import com.c2c.matching.market.MarketService;
import io.smallrye.mutiny.Uni;
import com.c2c.platform.web.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * PUBLIC: a market's book depth, for anyone (frontends show it before a user signs in). No caller
 * checks here on purpose; when identity moves to OIDC this path stays open to anonymous callers.
 * It reads only the depth the engine last published, never the books, so readers cannot slow or
 * block the engine.
 */
@Cancellable(false)
@Path("/api/v1/markets/{market}/book")
@Tag(name = "Markets", description = "Asset/fiat pairs and their books")
@Produces(MediaType.APPLICATION_JSON)
public class BookDepthResource {
    private final MarketService markets;

    BookDepthResource(MarketService markets) {
        this.markets = markets;
    }

    @GET
    @Operation(operationId = "getBookDepth", summary = "A market's book depth per price level (public)",
            description = "Public, no authentication. For each side the best price levels first (asks: SELL ads,"
                    + " lowest price first; bids: BUY ads, highest first), each with the USDT its ads have left and"
                    + " how many ads rest there. Only ads on the book that can still be filled count (paused or"
                    + " cancelled ads are off the book; an ad whose remainder is worth less than its minimum order"
                    + " is not counted). The depth is the one the engine published after its last applied batch:"
                    + " sequence, offsets and takenAt say which.")
    @APIResponse(responseCode = "200", description = "The depth; empty sides when nothing rests on them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BookDepthView.class),
                    examples = @ExampleObject(name = "two levels of asks, one of bids", value = """
                            {"market":"USDT-CNY",
                             "asks":[{"price":"7.20","quantity":"1500.000000","ads":2},
                                     {"price":"7.21","quantity":"250.500000","ads":1}],
                             "bids":[{"price":"7.15","quantity":"800.000000","ads":1}],
                             "sequence":1834,"offsets":{"0":611,"1":640,"2":580},
                             "takenAt":"2026-05-04T09:30:12.345Z"}""")))
    @APIResponse(responseCode = "400", description = "levels is not a whole number from 1 to 100 (the problem names"
            + " the field)",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "too many levels", value = """
                            {"type":"https://c2c.dev/problems/invalid-request","title":"The request is not valid",
                             "status":400,"detail":"levels must be a whole number from 1 to 100",
                             "instance":"/api/v1/markets/USDT-CNY/book",
                             "errors":[{"field":"levels","message":"must be a whole number from 1 to 100"}]}""")))
    @APIResponse(responseCode = "404", description = "No such market",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "unknown market", value = """
                            {"type":"https://c2c.dev/problems/not-found","title":"Not found","status":404,
                             "detail":"market USDT-XYZ was not found","instance":"/api/v1/markets/USDT-XYZ/book"}""")))
    @APIResponse(responseCode = "503", description = "The engine has not built its books yet; retry shortly",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<BookDepthView> depth(
            @PathParam("market") @Parameter(example = "USDT-CNY") String market,
            @QueryParam("levels") @DefaultValue("20") @Parameter(description = "price levels per side",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            String levels) {
        // Parsed here rather than bound as an int: JAX-RS answers an unparsable query parameter with 404.
        int count = ProblemException.field("levels", () -> levels(levels));
        return markets.depth(market).map(depth -> BookDepthView.of(depth, count));
    }

    private static int levels(String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= PublishedDepths.LEVELS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, as any value out of range
        }
        throw new IllegalArgumentException("must be a whole number from 1 to " + PublishedDepths.LEVELS);
    }
}
