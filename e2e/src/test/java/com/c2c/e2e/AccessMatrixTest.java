package com.c2c.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.c2c.e2e.Api.Answer;
import com.c2c.e2e.Api.As;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation of every service's OpenAPI document, called through the gateway with real tokens by
 * six callers — nobody, a trader who owns the resources named in the path, another trader, a merchant's
 * maker client, an arbiter and an admin — answers the status designed for that caller. An operation
 * the table below does not list fails the test, so a new endpoint cannot ship without its access rules.
 *
 * <p>Expected codes: a number is exact; {@code ok} is a 2xx or a 409 (allowed, but the resource's state
 * refuses it at that moment — an authorisation failure is never a 409).
 */
class AccessMatrixTest extends TradeScenarios {
    private static final String[] CALLERS = {"anonymous", "trader", "other trader", "merchant", "arbiter", "admin"};
    private static final Map<String, Integer> SERVICES = Map.of("order-service", 8081, "matching-service", 8082,
            "wallet-service", 8083, "escrow-service", 8084, "chain-watcher", 8085);
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    /** The query parameters an operation requires. */
    private static final Set<String> EVERY_SERVICE = Set.of("listAuditEntries", "listDeadLetters", "replayDeadLetter",
            "getReconciliationReport");
    private static final Map<String, String> QUERIES = Map.of("listMarketAds", "?side=SELL");
    /** 1 USDT (the local chain's minimum; its fee is 1 USDT) to a dev account's address on the local chain. */
    private static final Map<String, Object> WITHDRAWAL = Map.of("chainId", 31337,
            "toAddress", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "amount", "1");

    /** operationId → the expected answer for each caller, in the order of {@link #CALLERS}; calls run in this order. */
    private static final Map<String, String> MATRIX = new LinkedHashMap<>();

    static {
        // public market data
        MATRIX.put("listMarketAds", "200 200 200 200 200 200");
        MATRIX.put("getBookDepth", "200 200 200 200 200 200");
        MATRIX.put("getMarket", "200 200 200 200 200 200");
        MATRIX.put("listReferencePrices", "200 200 200 200 200 200");
        // one's own things; someone else's are not found
        MATRIX.put("getMyAd", "401 200 404 404 404 404");
        MATRIX.put("listMyAds", "401 200 200 200 200 200");
        MATRIX.put("getMyOrder", "401 200 404 404 404 404");
        MATRIX.put("listMyOrders", "401 200 200 200 200 200");
        MATRIX.put("getMyBalances", "401 200 200 200 200 200");
        MATRIX.put("listMyLedgerEntries", "401 200 200 200 200 200");
        MATRIX.put("listMyDepositAddresses", "401 200 200 200 200 200");
        // any onboarded account has its own deposit address per chain (201 the first time, 200 after)
        MATRIX.put("assignDepositAddress", "401 ok ok ok ok ok");
        MATRIX.put("listMyTrades", "401 200 200 200 200 200");
        MATRIX.put("getTrade", "401 200 404 404 200 404");
        // admins
        MATRIX.put("getLedgerTotals", "401 403 403 403 403 200");
        MATRIX.put("getOwnerBalances", "401 403 403 403 403 200");
        // the custody report reads the local chain's node, which the platform runs
        MATRIX.put("getCustodyReport", "401 403 403 403 403 200");
        MATRIX.put("listAuditEntries", "401 403 403 403 403 200");
        MATRIX.put("listDeadLetters", "401 403 403 403 403 200");
        MATRIX.put("replayDeadLetter", "401 403 403 403 403 404");
        MATRIX.put("getChains", "401 403 403 403 403 200");
        MATRIX.put("listDeposits", "401 403 403 403 403 200");
        // 404 from a service that holds no USDT (matching-service, chain-watcher)
        MATRIX.put("getReconciliationReport", "401 403 403 403 403 200|404");
        MATRIX.put("openMarket", "401 403 403 403 403 ok");
        MATRIX.put("setReferencePrice", "401 403 403 403 403 ok");
        MATRIX.put("creditDevelopmentFunds", "401 403 403 403 403 ok");
        MATRIX.put("watchAddress", "401 403 403 403 403 ok");
        // arbiters
        MATRIX.put("listOpenDisputes", "401 403 403 403 200 403");
        // the maker API: merchants' clients only, each on its own ads
        MATRIX.put("setHeartbeatPolicy", "401 403 403 200 403 403");
        MATRIX.put("getHeartbeatPolicy", "401 403 403 200 403 403");
        MATRIX.put("sendHeartbeat", "401 403 403 ok 403 403");
        MATRIX.put("deleteHeartbeatPolicy", "401 403 403 ok 403 403");
        MATRIX.put("upsertMakerAds", "401 403 403 200 403 403");
        MATRIX.put("listMakerAds", "401 403 403 200 403 403");
        MATRIX.put("listMakerTrades", "401 403 403 200 403 403");
        MATRIX.put("listMakerFills", "401 403 403 200 403 403");
        MATRIX.put("cancelMakerAds", "401 403 403 200 403 403");
        MATRIX.put("resumeMakerAds", "401 403 403 200 403 403");
        MATRIX.put("cancelAllMakerAds", "401 403 403 200 403 403");
        MATRIX.put("streamMakerEvents", "401 403 403 200 403 403");
        // live streams (ADR 0008): every onboarded account has its own
        MATRIX.put("streamMyEvents", "401 200 200 200 200 200");
        // trading: any onboarded account may post ads and place orders
        MATRIX.put("postAd", "401 ok ok ok ok ok");
        MATRIX.put("placeOrder", "401 ok ok ok ok ok");
        // acting on the trader's own ad: others are told it does not exist
        MATRIX.put("amendAd", "401 ok 404 404 404 404");
        MATRIX.put("pauseAd", "401 ok 404 404 404 404");
        MATRIX.put("resumeAd", "401 ok 404 404 404 404");
        // the trade in which the trader is the buyer: paid, then disputed, then an arbiter decides
        MATRIX.put("markTradePaid", "401 ok 404 404 403 404");
        MATRIX.put("confirmTrade", "401 403 404 404 403 404");
        MATRIX.put("disputeTrade", "401 ok 404 404 403 404");
        MATRIX.put("resolveDispute", "401 403 403 403 ok 403");
        MATRIX.put("cancelTrade", "401 ok 404 404 403 404");
        MATRIX.put("cancelOrder", "401 ok 404 404 404 404");
        MATRIX.put("cancelAd", "401 ok 404 404 404 404");
        // withdrawals (ADR 0014), on the trader's withdrawal to a new address: confirming and approving need a
        // recent second factor, which none of these tokens shows (password sign-in); the others are refused the
        // trader's withdrawal as not found; an admin rejects it before the trader cancels it (then 409)
        MATRIX.put("requestWithdrawal", "401 ok ok ok ok ok");
        MATRIX.put("listMyWithdrawals", "401 200 200 200 200 200");
        MATRIX.put("getMyWithdrawal", "401 200 404 404 404 404");
        MATRIX.put("confirmWithdrawal", "401 403 404 404 404 404");
        MATRIX.put("listWithdrawals", "401 403 403 403 403 200");
        MATRIX.put("approveWithdrawal", "401 403 403 403 403 403");
        MATRIX.put("rejectWithdrawal", "401 403 403 403 403 ok");
        MATRIX.put("cancelWithdrawal", "401 ok 404 404 404 404");
    }

    @Test
    void everyOperationAnswersEachCallerAsDesigned() {
        String trader = user("matrix-trader", "1000");
        String seller = user("matrix-seller", "1000");
        String other = user("matrix-other", "0");
        String merchant = user("matrix-merchant", "0");
        String arbiter = user("matrix-arbiter", "0");
        String admin = user("matrix-admin", "0");
        As[] callers = {null, As.user(trader), As.user(other), As.maker(merchant), As.withRoles(arbiter, "arbiter"),
                As.withRoles(admin, "admin")};

        String sellersAd = activeAd(seller, "SELL", "7.20", "500", "100", "3600");
        String tradersAd = activeAd(trader, "SELL", "7.30", "100", "100", "700");
        String order = platform.placeOnAd(trader, "BUY", FIAT, sellersAd, "AD_FIAT", "720.00", METHOD);
        String trade = lockedTrade(trader, order);
        String withdrawal = platform.wallet.post("/api/v1/wallet/withdrawals", As.user(trader), WITHDRAWAL,
                java.util.UUID.randomUUID().toString()).expect(201, "the trader's withdrawal").body().path("id").asText();

        Map<String, String> values = Map.of("market", "USDT-" + FIAT, "fiat", "CHF", "ownerId", trader,
                "chainId", "31337");
        // a dead letter no service has: only an admin gets as far as looking for it
        Map<String, String> ids = Map.of("/api/v1/ads/", tradersAd, "/api/v1/orders/", order, "/api/v1/trades/", trade,
                "/api/v1/dead-letters/", "0-999999999", "/api/v1/wallet/withdrawals/", withdrawal,
                "/api/v1/wallet/admin/withdrawals/", withdrawal);
        Map<String, Object> bodies = new java.util.HashMap<>(Map.of(
                "setHeartbeatPolicy", Map.of("intervalSeconds", 3600),
                "upsertMakerAds", Map.of("items", List.of(Map.of("clientAdId", "matrix-1", "side", "SELL", "fiat", FIAT,
                        "price", "9.99", "quantity", "1", "minOrder", "1", "maxOrder", "9.99",
                        "paymentMethods", List.of(METHOD)))),
                "cancelMakerAds", Map.of("clientAdIds", List.of("matrix-1")),
                "resumeMakerAds", Map.of("clientAdIds", List.of("matrix-1"))));
        bodies.putAll(Map.of(
                "postAd", Map.of("side", "SELL", "asset", "USDT", "fiat", FIAT, "price", "9.99", "quantity", "1",
                        "minOrder", "1", "maxOrder", "9.99", "paymentMethods", List.of(METHOD)),
                "placeOrder", Map.of("side", "BUY", "asset", "USDT", "fiat", FIAT, "adId", sellersAd, "mode",
                        "AD_FIAT", "amount", "100.80", "paymentMethod", METHOD),
                "amendAd", Map.of("price", "7.35"),
                "openMarket", Map.of("asset", "USDT", "fiat", FIAT, "tickSize", "0.01"),
                "setReferencePrice", Map.of("price", "1.10"),
                "creditDevelopmentFunds", Map.of("ownerId", "matrix-credited-" + other, "asset", "USDT",
                        "amount", "0.000001", "reference", "matrix-" + other),
                "watchAddress", Map.of("address", "0x" + "ab".repeat(20), "ownerId", other),
                "disputeTrade", Map.of("reason", "the seller does not answer"),
                "resolveDispute", Map.of("outcome", "REFUND", "note", "no proof of payment")));
        bodies.putAll(Map.of("requestWithdrawal", WITHDRAWAL, "rejectWithdrawal", Map.of("reason", "access matrix")));

        bodies.put("assignDepositAddress", Map.of("chainId", 31337));

        Map<String, List<Operation>> operations = documentedOperations();
        TreeSet<String> unlisted = new TreeSet<>(operations.keySet());
        unlisted.removeAll(MATRIX.keySet());
        TreeSet<String> stale = new TreeSet<>(MATRIX.keySet());
        stale.removeAll(operations.keySet());
        assertTrue(unlisted.isEmpty(), "operations without access rules in the matrix: " + unlisted);
        assertTrue(stale.isEmpty(), "matrix rows for operations no service documents: " + stale);

        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, String> row : MATRIX.entrySet()) {
            String[] expected = row.getValue().split(" ");
            for (Operation op : operations.get(row.getKey())) {
                String path = concrete(op, values, ids) + QUERIES.getOrDefault(op.id(), "");
                // the owner acts last, so the others meet the resource in the state it was set up in
                for (int i : new int[] {0, 2, 3, 4, 5, 1}) {
                    Answer answer = platform.order.call(op.method(), path, callers[i], bodies.get(row.getKey()));
                    calls++;
                    if (!matches(expected[i], answer.status())) {
                        wrong.add(op.id() + " " + op.method() + " " + path + " as " + CALLERS[i] + ": expected "
                                + expected[i] + ", got " + answer.status() + " " + answer.body());
                    }
                }
            }
        }
        // the ads the callers posted leave the shared market's book before the next scenario
        for (As caller : callers) {
            if (caller == null) {
                continue;
            }
            for (JsonNode ad : platform.order.all("/api/v1/ads", caller)) {
                if (!"CANCELLED".equals(ad.path("status").asText()) && !"REJECTED".equals(ad.path("status").asText())) {
                    platform.order.call("POST", "/api/v1/ads/" + ad.path("id").asText() + "/cancel", caller, null);
                }
            }
        }
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " of " + calls + " calls answered otherwise than designed:\n" + String.join("\n", wrong));
        }
        platform.escrow.get("/api/v1/trades/" + trade, As.user(trader)).expect(200, "the trade after the matrix");
    }

    private static boolean matches(String expected, int status) {
        if (expected.contains("|")) {
            return java.util.Arrays.stream(expected.split("\\|")).anyMatch(one -> matches(one, status));
        }
        return "ok".equals(expected) ? status / 100 == 2 || status == 409 : Integer.parseInt(expected) == status;
    }

    private record Operation(String id, String service, String method, String path) {
    }

    private static String concrete(Operation op, Map<String, String> values, Map<String, String> ids) {
        Matcher m = PARAM.matcher(op.path());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "service" -> op.service();
                case "id" -> ids.entrySet().stream().filter(e -> op.path().startsWith(e.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
                default -> values.get(name);
            };
            if (value == null) {
                fail("no value for path parameter {" + name + "} of " + op.id() + " " + op.path());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Every operation of every service by operationId, read from the services' own OpenAPI documents;
     * only the audit trail's and the dead letters' operations are served by every service.
     */
    private static Map<String, List<Operation>> documentedOperations() {
        Map<String, List<Operation>> all = new LinkedHashMap<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        SERVICES.forEach((service, port) -> {
            JsonNode doc;
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/openapi?format=json"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                doc = Api.JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("no OpenAPI document from " + service, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                String id = method.getValue().path("operationId").asText(null);
                if (id == null) {
                    fail(service + " documents " + method.getKey() + " " + path.getKey() + " without an operationId");
                }
                List<Operation> same = all.computeIfAbsent(id, k -> new ArrayList<>());
                if (!same.isEmpty() && !EVERY_SERVICE.contains(id)) {
                    fail("operationId " + id + " is used twice: " + same + " and " + path.getKey());
                }
                same.add(new Operation(id, service, method.getKey().toUpperCase(), path.getKey()));
            }));
        });
        return all;
    }
}
