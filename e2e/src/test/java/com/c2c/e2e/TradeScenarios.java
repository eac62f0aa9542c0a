package com.c2c.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.e2e.Platform.Balances;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every end-to-end scenario shares: the running platform, a market of its own, users unique to
 * the run, waits with deadlines, and the conservation check after each scenario (the ledger balances to
 * zero per asset, and the scenario's users hold exactly what they were funded, less the fees of their
 * completed trades and what they withdrew on chain with its fees).
 */
abstract class TradeScenarios {
    static final String FIAT = "GBP";
    static final String METHOD = "BANK_TRANSFER";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Platform platform = new Platform();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> users = new ArrayList<>();
    private final List<String> completedTrades = new ArrayList<>();
    private final List<String[]> ads = new ArrayList<>();
    private BigDecimal funded = BigDecimal.ZERO;
    private BigDecimal sentOnChain = BigDecimal.ZERO;
    private BigDecimal withdrawalFees = BigDecimal.ZERO;

    @BeforeAll
    static void market() {
        platform.openMarket(FIAT, "0.01");
    }

    /** A user unique to this run, funded with {@code usdt} (may be "0"). */
    String user(String name, String usdt) {
        String id = name + "-" + run;
        users.add(id);
        if (new BigDecimal(usdt).signum() > 0) {
            platform.fund(id, usdt);
            funded = funded.add(new BigDecimal(usdt));
            await("funding of " + id).atMost(WAIT).until(() -> platform.balances(id).available().compareTo(
                    new BigDecimal(usdt)) >= 0);
        }
        return id;
    }

    /** Counts USDT that entered the platform for a scenario user other than by admin funding (an on-chain deposit). */
    void fundedOnChain(String usdt) {
        funded = funded.add(new BigDecimal(usdt));
    }

    /** Counts USDT that left the platform for a scenario user on chain: a confirmed withdrawal's amount and its fee. */
    void sentOnChain(String usdt, String fee) {
        sentOnChain = sentOnChain.add(new BigDecimal(usdt));
        withdrawalFees = withdrawalFees.add(new BigDecimal(fee));
    }

    /** Posts a SELL ad and waits until its USDT is reserved and it is ACTIVE on the book. */
    String activeAd(String owner, String side, String price, String quantity, String min, String max) {
        return activeAd(owner, side, FIAT, price, quantity, min, max);
    }

    /** {@link #activeAd(String, String, String, String, String, String)} in another market's fiat. */
    String activeAd(String owner, String side, String fiat, String price, String quantity, String min, String max) {
        String ad = platform.postAd(owner, side, fiat, price, quantity, min, max, METHOD);
        ads.add(new String[] {owner, ad});
        awaitAd(owner, ad, a -> "ACTIVE".equals(a.path("status").asText()), "ACTIVE");
        return ad;
    }

    JsonNode awaitAd(String owner, String adId, Predicate<JsonNode> done, String what) {
        return awaitValue("ad " + adId + " " + what, () -> platform.ad(owner, adId), done);
    }

    /** Waits until the order's trade reaches {@code tradeStatus}; returns the order. */
    JsonNode awaitTrade(String user, String orderId, String tradeStatus) {
        return awaitValue("order " + orderId + " trade " + tradeStatus, () -> platform.order(user, orderId),
                o -> tradeStatus.equals(o.path("tradeStatus").asText()));
    }

    /** The trade id of a matched order whose funds are locked. */
    String lockedTrade(String user, String orderId) {
        return awaitTrade(user, orderId, "LOCKED").path("tradeId").asText();
    }

    void completed(String tradeId) {
        completedTrades.add(tradeId);
    }

    static <T> T awaitValue(String what, java.util.function.Supplier<T> read, Predicate<T> done) {
        List<T> last = new ArrayList<>(1);
        try {
            return await(what).atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
                T v = read.get();
                last.clear();
                last.add(v);
                return v;
            }, done);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(what + " did not happen within " + WAIT + "; last seen: " + last, e);
        }
    }

    static void assertAmount(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual),
                what + ": expected " + expected + " but was " + actual.toPlainString());
    }

    static BigDecimal amount(JsonNode node, String field) {
        return Platform.dec(node, field);
    }

    void assertBalances(String owner, String available, String reserved, String locked) {
        awaitValue("balances of " + owner + " = " + available + "/" + reserved + "/" + locked,
                () -> platform.balances(owner),
                b -> b.available().compareTo(new BigDecimal(available)) == 0
                        && b.reserved().compareTo(new BigDecimal(reserved)) == 0
                        && b.locked().compareTo(new BigDecimal(locked)) == 0);
    }

    /**
     * After every scenario: its ads leave the book (all scenarios share one market, and an express order
     * takes the best ad of any scenario), the ledger is balanced, and nothing the scenario's users were
     * given was lost or made up.
     */
    @AfterEach
    void cleanUpAndCheckMoney() {
        for (String[] ad : ads) {
            int status = platform.order.post("/api/v1/ads/" + ad[1] + "/cancel", Api.As.user(ad[0]), null,
                    UUID.randomUUID().toString()).status();
            assertTrue(status == 200 || status == 409, "cancelling ad " + ad[1] + " answered " + status);
        }
        moneyIsConserved();
    }

    private void moneyIsConserved() {
        for (JsonNode asset : platform.totals()) {
            assertTrue(asset.path("balanced").asBoolean(), "ledger not balanced: " + asset);
            assertAmount("0", amount(asset, "entriesSum"), "sum of " + asset.path("asset").asText() + " entries");
        }
        BigDecimal fees = BigDecimal.ZERO;
        for (String trade : completedTrades) {
            JsonNode t = platform.escrow.get("/api/v1/trades/" + trade, Api.As.arbiter()).expect(200, "trade").body();
            fees = fees.add(amount(t, "fee"));
        }
        BigDecimal held = BigDecimal.ZERO;
        for (String u : users) {
            Balances b = platform.balances(u);
            held = held.add(b.total());
        }
        assertAmount(funded.toPlainString(), held.add(fees).add(sentOnChain).add(withdrawalFees),
                "what the scenario's users hold plus the fees of their completed trades plus what they withdrew on"
                        + " chain (" + sentOnChain.toPlainString() + ") and its fees (" + withdrawalFees.toPlainString()
                        + ")");
    }
}
