package com.c2c.e2e;

import com.c2c.e2e.Api.Answer;
import com.c2c.e2e.Api.As;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The platform's public REST API, one method per user action, through the API gateway that
 * {@code deploy/local/up.sh} started on 127.0.0.1:8080 (override with C2C_API_URL), as a frontend calls it.
 * The four fields name which service answers a call; they all go through the one entry point.
 */
public final class Platform {
    public static final String API = System.getenv().getOrDefault("C2C_API_URL", "http://127.0.0.1:8080");
    public final Api order = new Api(API);
    public final Api matching = new Api(API);
    public final Api wallet = new Api(API);
    public final Api escrow = new Api(API);
    public final Api chain = new Api(API);

    /** Opens the market if it is not open yet (a second opening answers 409, which is fine here). */
    public void openMarket(String fiat, String tickSize) {
        Answer a = matching.post("/api/v1/markets", As.admin(),
                Map.of("asset", "USDT", "fiat", fiat, "tickSize", tickSize), UUID.randomUUID().toString());
        if (a.status() != 201 && a.status() != 200 && a.status() != 409) {
            throw new AssertionError("opening market USDT-" + fiat + ": " + a.status() + " " + a.body());
        }
    }

    /** The development funding path: an admin credit of USDT to an owner. */
    public void fund(String owner, String amount) {
        wallet.post("/api/v1/wallet/admin/credits", As.admin(),
                Map.of("ownerId", owner, "asset", "USDT", "amount", amount, "reference", "e2e-" + UUID.randomUUID()),
                UUID.randomUUID().toString()).expect(201, "crediting " + owner);
    }

    /** A fixed-price ad; returns its id. */
    public String postAd(String owner, String side, String fiat, String price, String quantity, String minOrder,
            String maxOrder, String paymentMethod) {
        Map<String, Object> ad = new LinkedHashMap<>();
        ad.put("side", side);
        ad.put("asset", "USDT");
        ad.put("fiat", fiat);
        ad.put("price", price);
        ad.put("quantity", quantity);
        ad.put("minOrder", minOrder);
        ad.put("maxOrder", maxOrder);
        ad.put("paymentMethods", new String[] {paymentMethod});
        ad.put("paymentWindowMinutes", 15);
        return order.post("/api/v1/ads", As.user(owner), ad, UUID.randomUUID().toString())
                .expect(201, "posting an ad for " + owner).text("id");
    }

    public JsonNode ad(String owner, String adId) {
        return order.get("/api/v1/ads/" + adId, As.user(owner)).expect(200, "reading ad " + adId).body();
    }

    /**
     * An express order at the best price (mode EXPRESS_FIAT or EXPRESS_QUANTITY) within the fiat's reference
     * price ± the configured deviation (the fiat needs a reference price); returns its id.
     */
    public String placeExpress(String user, String side, String fiat, String mode, String amount, String method) {
        return placeExpress(user, side, fiat, mode, amount, method, null);
    }

    /**
     * An express order filled at no worse than {@code priceLimit} (a BUY's most, a SELL's least; null: the
     * reference price ± the configured deviation); returns its id.
     */
    public String placeExpress(String user, String side, String fiat, String mode, String amount, String method,
            String priceLimit) {
        Map<String, Object> order = new LinkedHashMap<>(Map.of("side", side, "asset", "USDT", "fiat", fiat,
                "mode", mode, "amount", amount, "paymentMethod", method));
        if (priceLimit != null) {
            order.put("priceLimit", priceLimit);
        }
        return placeOrder(user, order);
    }

    /** Sets the fiat's reference price (admin): FLOATING ads follow it, ads and express orders are held near it. */
    public void setReferencePrice(String fiat, String price) {
        order.put("/api/v1/admin/reference-prices/" + fiat, As.admin(), Map.of("price", price))
                .expect(200, "setting the reference price of " + fiat);
    }

    /** An order on the ad the taker chose (mode AD_FIAT or AD_QUANTITY); returns its id. */
    public String placeOnAd(String user, String side, String fiat, String adId, String mode, String amount,
            String method) {
        return placeOrder(user, Map.of("side", side, "asset", "USDT", "fiat", fiat, "adId", adId, "mode", mode,
                "amount", amount, "paymentMethod", method));
    }

    private String placeOrder(String user, Map<String, Object> body) {
        return order.post("/api/v1/orders", As.user(user), body, UUID.randomUUID().toString())
                .expect(201, "placing an order for " + user).text("id");
    }

    public JsonNode order(String user, String orderId) {
        return order.get("/api/v1/orders/" + orderId, As.user(user)).expect(200, "reading order " + orderId).body();
    }

    public JsonNode trade(String user, String tradeId) {
        return escrow.get("/api/v1/trades/" + tradeId, As.user(user)).expect(200, "reading trade " + tradeId).body();
    }

    /** A trade action ({@code paid}, {@code cancel}, {@code confirm}) by one of its parties. */
    public Answer act(String user, String tradeId, String action) {
        return escrow.post("/api/v1/trades/" + tradeId + "/" + action, As.user(user), null,
                UUID.randomUUID().toString());
    }

    public Answer dispute(String user, String tradeId, String reason) {
        return escrow.post("/api/v1/trades/" + tradeId + "/dispute", As.user(user),
                Map.of("reason", reason, "evidence", "bank statement, reference 42"), UUID.randomUUID().toString());
    }

    public Answer resolve(String tradeId, String outcome) {
        return escrow.post("/api/v1/trades/" + tradeId + "/resolution", As.arbiter(),
                Map.of("outcome", outcome, "note", "checked the statements"), UUID.randomUUID().toString());
    }

    /** An owner's USDT balances by kind (available, reserved, locked, held for withdrawals), zero when none. */
    public Balances balances(String owner) {
        JsonNode b = usdtBalance(owner);
        return b == null ? new Balances(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)
                : new Balances(dec(b, "available"), dec(b, "reserved"), dec(b, "locked"), dec(b, "withdrawing"));
    }

    /** Deposits seen on chain for the owner but not yet confirmed (not usable), zero when none. */
    public BigDecimal pendingDeposits(String owner) {
        JsonNode b = usdtBalance(owner);
        return b == null ? BigDecimal.ZERO : dec(b, "pending");
    }

    private JsonNode usdtBalance(String owner) {
        JsonNode all = wallet.get("/api/v1/wallet/admin/balances/" + owner, As.admin())
                .expect(200, "reading balances of " + owner).body();
        for (JsonNode b : all) {
            if ("USDT".equals(b.path("asset").asText())) {
                return b;
            }
        }
        return null;
    }

    /** The owner's deposit address on the chain (given on first ask, the same one after). */
    public String depositAddress(String owner, long chainId) {
        Answer a = wallet.post("/api/v1/wallet/deposit-addresses", As.user(owner), Map.of("chainId", chainId),
                UUID.randomUUID().toString());
        if (a.status() != 201 && a.status() != 200) {
            throw new AssertionError("deposit address of " + owner + ": " + a.status() + " " + a.body());
        }
        return a.text("address");
    }

    /** chain-watcher's view of a followed chain (head, cursor, lag, confirmations). */
    public JsonNode chain(long chainId) {
        for (JsonNode c : chain.get("/api/v1/chains", As.admin()).expect(200, "reading the chains").body()) {
            if (c.path("chainId").asLong() == chainId) {
                return c;
            }
        }
        throw new AssertionError("chain-watcher does not follow chain " + chainId);
    }

    /** chain-watcher's record of one deposit (state DETECTED, CONFIRMED, ...), null when it has none. */
    public JsonNode deposit(long chainId, String txHash) {
        for (JsonNode d : chain.all("/api/v1/chains/" + chainId + "/deposits", As.admin())) {
            if (txHash.equalsIgnoreCase(d.path("txHash").asText())) {
                return d;
            }
        }
        return null;
    }

    /** A withdrawal of USDT to {@code toAddress} on the chain, asked for as {@code as} (a fresh Idempotency-Key). */
    public Answer requestWithdrawal(As as, long chainId, String toAddress, String amount) {
        return wallet.post("/api/v1/wallet/withdrawals", as,
                Map.of("chainId", chainId, "toAddress", toAddress, "amount", amount), UUID.randomUUID().toString());
    }

    /** One of the owner's withdrawals as they see it (state, txHash, cooldownUntil, approvedBy, ...). */
    public JsonNode withdrawal(String owner, String withdrawalId) {
        return wallet.get("/api/v1/wallet/withdrawals/" + withdrawalId, As.user(owner))
                .expect(200, "reading withdrawal " + withdrawalId).body();
    }

    /** The owner confirms a withdrawal to a new address ({@code as} needs a recent second factor). */
    public Answer confirmWithdrawal(As as, String withdrawalId) {
        return wallet.post("/api/v1/wallet/withdrawals/" + withdrawalId + "/confirm", as, null,
                UUID.randomUUID().toString());
    }

    /** An admin's approval of a withdrawal over the approval threshold ({@code as} needs a recent second factor). */
    public Answer approveWithdrawal(As as, String withdrawalId) {
        return wallet.post("/api/v1/wallet/admin/withdrawals/" + withdrawalId + "/approve", as, null,
                UUID.randomUUID().toString());
    }

    /** The ledger's USDT balance of one account kind summed over owners (FEES, CUSTODY, ...), zero when none. */
    public BigDecimal ledgerKind(String kind) {
        for (JsonNode asset : totals()) {
            if ("USDT".equals(asset.path("asset").asText())) {
                return dec(asset.path("byKind"), kind);
            }
        }
        return BigDecimal.ZERO;
    }

    /** The ledger's own totals per asset (entries sum, balances by kind, whether it is balanced). */
    public JsonNode totals() {
        return wallet.get("/api/v1/wallet/admin/totals", As.admin()).expect(200, "reading ledger totals").body();
    }

    /** {@code withdrawing}: held for the owner's withdrawals not yet sent (amount and fee): still the owner's. */
    public record Balances(BigDecimal available, BigDecimal reserved, BigDecimal locked, BigDecimal withdrawing) {
        public BigDecimal total() {
            return available.add(reserved).add(locked).add(withdrawing);
        }

        @Override
        public String toString() {
            return "available " + available.toPlainString() + ", reserved " + reserved.toPlainString() + ", locked "
                    + locked.toPlainString() + ", withdrawing " + withdrawing.toPlainString();
        }
    }

    static BigDecimal dec(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? BigDecimal.ZERO : new BigDecimal(v.asText()).stripTrailingZeros();
    }
}
