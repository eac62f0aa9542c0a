package com.c2c.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.e2e.Api.As;
import com.c2c.testkit.Keycloak;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A liquidity provider's program, end to end through the gateway with client credentials: it upserts
 * its ads in bulk (the same batch twice changes nothing), listens on its live stream, a taker trades on
 * one of the ads, and the fill arrives on the stream.
 */
class MakerApiTest extends TradeScenarios {

    @Test
    void bulkUpsertThenAFillArrivesOnTheMakersStream() throws Exception {
        String merchant = user("maker", "1000");
        String buyer = user("maker-taker", "0");
        As maker = As.maker(merchant);
        Map<String, Object> batch = Map.of("items", List.of(
                ad("e2e-sell-1", "7.40", "300"),
                ad("e2e-sell-2", "7.45", "200")));

        JsonNode first = platform.order.put("/api/v1/maker/ads", maker, batch).expect(200, "bulk upsert").body();
        assertEquals("created", first.path("items").path(0).path("result").asText(), first.toString());
        assertEquals("created", first.path("items").path(1).path("result").asText(), first.toString());
        JsonNode again = platform.order.put("/api/v1/maker/ads", maker, batch).expect(200, "the same batch").body();
        assertEquals("unchanged", again.path("items").path(0).path("result").asText(), again.toString());
        assertEquals("unchanged", again.path("items").path(1).path("result").asText(), again.toString());

        JsonNode ads = awaitValue("both maker ads ACTIVE",
                () -> platform.order.get("/api/v1/maker/ads", maker).expect(200, "maker ads").body(),
                page -> page.path("items").size() == 2 && allActive(page.path("items")));
        String adId = null;
        for (JsonNode ad : ads.path("items")) {
            if ("e2e-sell-1".equals(ad.path("clientAdId").asText())) {
                adId = ad.path("id").asText();
            }
        }
        assertBalances(merchant, "500", "500", "0");

        try (EventStream stream = EventStream.open(Platform.API + "/api/v1/maker/stream", Keycloak.makerClient(merchant).bearer())) {
            String order = platform.placeOnAd(buyer, "BUY", FIAT, adId, "AD_FIAT", "740.00", METHOD);
            String trade = lockedTrade(buyer, order);
            String fill = stream.awaitEvent("fill", Duration.ofSeconds(30));
            assertTrue(fill.contains(adId), "the fill names the maker's ad: " + fill);
            assertTrue(fill.contains(trade), "the fill names the trade: " + fill);
        }
        JsonNode cancelled = platform.order.call("POST", "/api/v1/maker/ads/cancel-all", maker, Map.of())
                .expect(200, "cancel-all").body();
        assertEquals(2, cancelled.path("items").size(), cancelled.toString());
    }

    private static Map<String, Object> ad(String clientAdId, String price, String quantity) {
        return Map.of("clientAdId", clientAdId, "side", "SELL", "fiat", FIAT, "price", price, "quantity", quantity,
                "minOrder", "100", "maxOrder", "2000", "paymentMethods", List.of(METHOD));
    }

    private static boolean allActive(JsonNode items) {
        for (JsonNode ad : items) {
            if (!"ACTIVE".equals(ad.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /** A Server-Sent Events stream read line by line on a thread of its own; closed with the test. */
    static final class EventStream implements AutoCloseable {
        private final InputStream body;
        private final StringBuilder seen = new StringBuilder();
        private final BufferedReader lines;

        private EventStream(InputStream body) {
            this.body = body;
            this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        }

        static EventStream open(String url, String bearer) throws Exception {
            HttpResponse<InputStream> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", bearer).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, answer.statusCode(), "opening " + url);
            return new EventStream(answer.body());
        }

        /** The data of the next event named {@code name}, or an AssertionError after the deadline. */
        String awaitEvent(String name, Duration within) throws Exception {
            Instant deadline = Instant.now().plus(within);
            CompletableFuture<String> found = CompletableFuture.supplyAsync(() -> {
                try {
                    String event = null;
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        seen.append(line).append('\n');
                        if (line.startsWith("event:")) {
                            event = line.substring(6).strip();
                        } else if (line.startsWith("data:") && name.equals(event)) {
                            return line.substring(5).strip();
                        } else if (line.isEmpty()) {
                            event = null;
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            try {
                String data = found.get(Duration.between(Instant.now(), deadline).toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
                if (data == null) {
                    throw new AssertionError("the stream ended before a " + name + " event; it said:\n" + seen);
                }
                return data;
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("no " + name + " event within " + within + "; the stream said:\n" + seen);
            }
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }
}
