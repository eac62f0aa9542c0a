package com.c2c.e2e.load;

import com.c2c.testkit.Keycloak;
import com.c2c.e2e.Api;
import com.c2c.e2e.Api.As;
import com.c2c.e2e.EventLog;
import com.c2c.e2e.Platform;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Complete trades through the running platform's public REST API at a fixed arrival rate: many funded
 * sellers with SELL ads, many buyers each taking an ad from the listing; each buyer marks paid as soon as the funds
 * are locked and the seller confirms. Latencies are taken from the broker's record timestamps of the
 * platform's own events (TradeMatched, FundsLocked) against the moment the order was sent.
 * Usage: TradeLoad [seconds=60] [trades-per-second=120] [sellers=20] [buyers=200]
 */
public final class TradeLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIAT = "SGD";
    private static final String ORDER_FIAT = "13.50";   // 10 USDT at 1.35
    private static final String AD_QUANTITY = "20000";

    private final Platform platform = new Platform();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, Trade> byOrder = new ConcurrentHashMap<>();
    private final Map<String, Trade> byTrade = new ConcurrentHashMap<>();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicBoolean listening = new AtomicBoolean(true);
    private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());

    /** One trade's timeline, in epoch milliseconds. */
    static final class Trade {
        final String buyer;
        volatile long placedAt;
        volatile long matchedAt;
        volatile long lockedAt;
        volatile long completedAt;
        volatile String tradeId;
        volatile String seller;
        volatile BigDecimal fee = BigDecimal.ZERO;

        Trade(String buyer) {
            this.buyer = buyer;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = arg(args, 0, 60);
        int rate = arg(args, 1, 120);
        int sellers = arg(args, 2, 20);
        int buyers = arg(args, 3, 200);
        new TradeLoad().run(seconds, rate, sellers, buyers);
    }

    private void run(int seconds, int rate, int sellerCount, int buyerCount) throws Exception {
        long t0 = System.currentTimeMillis();
        platform.openMarket(FIAT, "0.01");
        List<String> sellers = new ArrayList<>();
        List<String> ads = new ArrayList<>();
        for (int i = 0; i < sellerCount; i++) {
            String seller = "load-seller-" + run + "-" + i;
            platform.fund(seller, AD_QUANTITY);
            ads.add(platform.postAd(seller, "SELL", FIAT, "1.35", AD_QUANTITY, "1.00", "1000.00", "BANK_TRANSFER"));
            sellers.add(seller);
        }
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < buyerCount; i++) {
            buyers.add("load-buyer-" + run + "-" + i);
        }
        // Every buyer is created in Keycloak and signed in now, not on the sending thread at their first order.
        buyers.parallelStream().forEach(buyer -> Keycloak.person(buyer).token());
        awaitAdsActive(sellers);
        log("setup: %d sellers funded with %s USDT each, ads ACTIVE, %d buyers (%d s)", sellerCount, AD_QUANTITY,
                buyerCount, (System.currentTimeMillis() - t0) / 1000);

        Thread listener = new Thread(this::listen, "events");
        listener.start();
        Thread.sleep(2000); // the listener has joined its partitions at their end before the first order

        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.currentTimeMillis();
        int total = seconds * rate;
        clock.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= total) {
                return;
            }
            place(buyers.get(n % buyers.size()), ads.get(n % ads.size()));
            if (n % (rate * 10) == 0 && n > 0) {
                log("  %3d s: %d orders sent, %d trades completed", (System.currentTimeMillis() - start) / 1000, n,
                        completed.get());
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(100);
        }
        long sendEnd = System.currentTimeMillis();
        clock.shutdown();
        long drainDeadline = System.currentTimeMillis() + 60_000;
        while (completed.get() + failed.get() < total && System.currentTimeMillis() < drainDeadline) {
            Thread.sleep(200);
        }
        long end = System.currentTimeMillis();
        listening.set(false);
        listener.join();
        report(total, start, sendEnd, end);
    }

    /**
     * A buyer takes an ad picked from the listing (ads round-robin), as most C2C trades start; express
     * orders all go to the single best ad, i.e. one seller, which no real market looks like.
     */
    private void place(String buyer, String adId) {
        Trade trade = new Trade(buyer);
        trade.placedAt = System.currentTimeMillis();
        platform.order.postAsync("/api/v1/orders", As.user(buyer), Map.of("side", "BUY", "asset", "USDT", "fiat", FIAT,
                "adId", adId, "mode", "AD_FIAT", "amount", ORDER_FIAT, "paymentMethod", "BANK_TRANSFER"),
                UUID.randomUUID().toString()).whenComplete((a, e) -> {
                    if (e != null || a.status() != 201) {
                        fail("order: " + (e != null ? e : a.status() + " " + a.body()));
                    } else {
                        byOrder.put(a.text("id"), trade);
                    }
                });
    }

    /** Follows the platform's events; drives paid and confirm as each trade's funds are locked. */
    private void listen() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EventLog.BOOTSTRAP);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.MATCHING_EVENTS, Topics.WALLET_EVENTS, Topics.ESCROW_EVENTS)) {
                consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            List<ConsumerRecord<String, String>> early = new ArrayList<>();
            while (listening.get()) {
                List<ConsumerRecord<String, String>> batch = new ArrayList<>(early);
                early.clear();
                consumer.poll(Duration.ofMillis(50)).forEach(batch::add);
                for (ConsumerRecord<String, String> r : batch) {
                    if (!on(r)) {
                        early.add(r); // the order's REST answer has not arrived yet
                    }
                }
                if (early.size() > 100_000) {
                    early.clear();
                }
            }
        }
    }

    /** Applies one event; false when it belongs to an order whose id is not known yet (retry later). */
    private boolean on(ConsumerRecord<String, String> r) {
        String type = header(r, "ce_type");
        try {
            switch (type == null ? "" : type) {
                case EventTypes.TRADE_MATCHED -> {
                    JsonNode e = JSON.readTree(r.value());
                    if (!e.path("market").asText().equals("USDT-" + FIAT)) {
                        return true;
                    }
                    Trade t = byOrder.get(e.path("takerOrderId").asText());
                    if (t == null) {
                        return !e.path("buyerId").asText().startsWith("load-buyer-" + run);
                    }
                    t.tradeId = e.path("tradeId").asText();
                    t.seller = e.path("sellerId").asText();
                    t.matchedAt = r.timestamp();
                    byTrade.put(t.tradeId, t);
                }
                case EventTypes.FUNDS_LOCKED -> {
                    JsonNode e = JSON.readTree(r.value());
                    Trade t = byTrade.get(e.path("tradeId").asText());
                    if (t == null) {
                        return !e.path("buyerId").asText().startsWith("load-buyer-" + run);
                    }
                    if (t.lockedAt == 0) {
                        t.lockedAt = r.timestamp();
                    }
                }
                case EventTypes.TRADE_LOCKED -> {
                    // The buyer acts once escrow itself knows the funds are locked (the trade page shows it).
                    JsonNode e = JSON.readTree(r.value());
                    Trade t = byTrade.get(e.path("tradeId").asText());
                    if (t == null) {
                        return !e.path("buyerId").asText().startsWith("load-buyer-" + run);
                    }
                    payAndConfirm(t);
                }
                case EventTypes.FUNDS_RELEASED -> {
                    Trade t = byTrade.get(JSON.readTree(r.value()).path("tradeId").asText());
                    if (t != null) {
                        t.fee = new BigDecimal(JSON.readTree(r.value()).path("feeMicros").asText()).movePointLeft(6);
                    }
                }
                case EventTypes.TRADE_COMPLETED -> {
                    Trade t = byTrade.get(JSON.readTree(r.value()).path("tradeId").asText());
                    if (t != null && t.completedAt == 0) {
                        t.completedAt = r.timestamp();
                        completed.incrementAndGet();
                    }
                }
                case EventTypes.ORDER_REJECTED -> {
                    JsonNode e = JSON.readTree(r.value());
                    if (byOrder.containsKey(e.path("orderId").asText())) {
                        fail("order rejected: " + e.path("message").asText());
                    }
                }
                default -> {
                }
            }
        } catch (java.io.IOException e) {
            fail("unreadable event " + type + ": " + e.getMessage());
        }
        return true;
    }

    private void payAndConfirm(Trade t) {
        Api escrow = platform.escrow;
        escrow.postAsync("/api/v1/trades/" + t.tradeId + "/paid", As.user(t.buyer), null, null)
                .thenCompose(paid -> {
                    if (paid.status() != 200) {
                        throw new IllegalStateException("paid: " + paid.status() + " " + paid.body());
                    }
                    return escrow.postAsync("/api/v1/trades/" + t.tradeId + "/confirm", As.user(t.seller), null, null);
                }).whenComplete((confirmed, e) -> {
                    if (e != null || confirmed.status() != 200) {
                        fail("confirm: " + (e != null ? e.getMessage() : confirmed.status() + " " + confirmed.body()));
                    }
                });
    }

    private void awaitAdsActive(List<String> sellers) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        for (String seller : sellers) {
            while (true) {
                JsonNode balances = platform.wallet.get("/api/v1/wallet/admin/balances/" + seller, As.admin()).body();
                if (balances.toString().contains("\"reserved\"") && !balances.path(0).path("reserved").asText("0")
                        .matches("0(\\.0+)?")) {
                    break;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("ads of the load sellers not funded within 60 s");
                }
                Thread.sleep(100);
            }
        }
        Thread.sleep(1000); // reserved → ACTIVE → AdListed → book: a few hops after the reservation
    }

    private void report(int total, long start, long sendEnd, long end) {
        List<Trade> trades = new ArrayList<>(byOrder.values());
        long[] matched = trades.stream().filter(t -> t.matchedAt > 0).mapToLong(t -> t.matchedAt - t.placedAt).sorted().toArray();
        long[] locked = trades.stream().filter(t -> t.lockedAt > 0).mapToLong(t -> t.lockedAt - t.placedAt).sorted().toArray();
        long inWindow = trades.stream().filter(t -> t.completedAt > 0 && t.completedAt <= sendEnd).count();
        double window = (sendEnd - start) / 1000.0;
        log("");
        log("orders sent            %d in %.1f s (target %d)", byOrder.size(), window, total);
        log("trades completed       %d (%d failed or unanswered; drained in %.1f s after the last order)",
                completed.get(), total - completed.get(), (end - sendEnd) / 1000.0);
        log("completed/s            %.1f during the sending window, %.1f overall", inWindow / window,
                completed.get() / ((end - start) / 1000.0));
        log("placed -> matched ms   p50 %d  p99 %d  max %d  (n=%d)", pct(matched, 50), pct(matched, 99), pct(matched, 100), matched.length);
        log("placed -> locked ms    p50 %d  p99 %d  max %d  (n=%d)", pct(locked, 50), pct(locked, 99), pct(locked, 100), locked.length);
        JsonNode totals = platform.totals();
        boolean balanced = true;
        for (JsonNode asset : totals) {
            balanced &= asset.path("balanced").asBoolean();
            log("ledger %s              entries sum %s, balanced %s", asset.path("asset").asText(),
                    asset.path("entriesSum").asText(), asset.path("balanced").asText());
        }
        if (!errors.isEmpty()) {
            log("first errors: %s", errors.subList(0, Math.min(5, errors.size())));
        }
        log("RESULT trades_per_s=%.1f locked_p99_ms=%d matched_p99_ms=%d completed=%d ledger_balanced=%s",
                inWindow / window, pct(locked, 99), pct(matched, 99), completed.get(), balanced);
        if (!balanced) {
            System.exit(1);
        }
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private void fail(String error) {
        failed.incrementAndGet();
        if (errors.size() < 100) {
            errors.add(error);
        }
    }

    private static String header(ConsumerRecord<String, String> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    private static void log(String format, Object... args) {
        System.out.printf(format + "%n", args);
    }
}
