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
import java.util.concurrent.CompletableFuture;
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
    /** Keys of the records the chaos suite injects to be dead-lettered; followers of the topics skip them. */
    public static final String POISON_KEY_PREFIX = "chaos-poison-";

    private final Platform platform = new Platform();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, Trade> byOrder = new ConcurrentHashMap<>();
    private final Map<String, Trade> byTrade = new ConcurrentHashMap<>();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicBoolean listening = new AtomicBoolean(true);
    /** How the event listener fetches (see listen()); read here, so a bad value stops the tool before it starts. */
    private final int fetchWaitMs = wholeNumberEnv("C2C_LOAD_FETCH_WAIT_MS", 100, "milliseconds");
    private final int fetchMinBytes = wholeNumberEnv("C2C_LOAD_FETCH_MIN_BYTES", 65536, "bytes");
    /** How many fetch requests the event listener sent the broker, from its start to its stop (-1 until then). */
    private volatile long listenerFetches = -1;
    private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());

    /** One trade's timeline, in epoch milliseconds. */
    public static final class Trade {
        final String buyer;
        final java.util.concurrent.atomic.AtomicBoolean acted = new java.util.concurrent.atomic.AtomicBoolean();
        final java.util.Set<String> matchedTrades = ConcurrentHashMap.newKeySet();
        volatile String orderId;
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

        /** When the first attempt to place the order was sent (epoch ms). */
        public long placedAt() {
            return placedAt;
        }

        /** The broker time of its TradeCompleted, or 0. */
        public long completedAt() {
            return completedAt;
        }

        public long matchedAt() {
            return matchedAt;
        }

        public String orderId() {
            return orderId;
        }

        public String tradeId() {
            return tradeId;
        }

        public String buyer() {
            return buyer;
        }

        public String seller() {
            return seller;
        }

        public BigDecimal fee() {
            return fee;
        }

        /** How many different trades the book reported for this order (more than one is a duplicate). */
        public int tradesMatched() {
            return matchedTrades.size();
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = arg(args, 0, 60);
        int rate = arg(args, 1, 120);
        int drain = drainSeconds();
        TradeLoad load = new TradeLoad(arg(args, 2, 20), arg(args, 3, 200));
        load.setUp();
        long start = System.currentTimeMillis();
        long stopAt = start + seconds * 1000L;
        boolean balanced;
        try (ConsumerLag lag = new ConsumerLag()) {
            load.send(rate, () -> System.currentTimeMillis() < stopAt);
            long sendEnd = System.currentTimeMillis();
            lag.sendEnded();
            // An offered rate above what the platform completes leaves orders queued when sending stops; give a
            // measurement at such a rate the time to finish them (C2C_LOAD_DRAIN_S), or load.sh's CPU per trade
            // divides the work of every order by the few that completed.
            load.drain(Duration.ofSeconds(drain));
            long end = System.currentTimeMillis();
            load.stop();
            balanced = load.report(start, sendEnd, end);
            // load.sh reads the CPU when this tool ends: wait for the services' queues too, so it counts all the
            // work the trades caused, including what a service that fell behind does after the last trade completed.
            Duration caughtUp = lag.awaitCaughtUp(Duration.ofSeconds(180));
            log(caughtUp == null ? "consumers caught up    no: some still had records waiting after 180 s (below)"
                    : "consumers caught up    %.1f s after the drain".formatted(caughtUp.toMillis() / 1000.0));
            log("consumer lag (records not yet consumed per service group and topic, sampled every 5 s from the first order):");
            lag.report().forEach(line -> log("%s", line));
        }
        if (!balanced) {
            System.exit(1);
        }
    }

    private final int sellerCount;
    private final int buyerCount;
    private final List<String> adIds = new ArrayList<>();
    private final List<String> sellerIds = new ArrayList<>();
    private final List<String> buyerIds = new ArrayList<>();
    private final List<Trade> placed = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final ScheduledExecutorService retryClock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "retries");
        t.setDaemon(true);
        return t;
    });
    private Thread listener;
    private final java.util.concurrent.CountDownLatch listenerReady = new java.util.concurrent.CountDownLatch(1);
    /** How long one call is retried through outages (connection refused, 429, 502-504) before it counts as failed. */
    private Duration retryWindow = Duration.ofSeconds(120);

    public TradeLoad(int sellers, int buyers) {
        this.sellerCount = sellers;
        this.buyerCount = buyers;
    }

    public TradeLoad retryWindow(Duration window) {
        this.retryWindow = window;
        return this;
    }

    /** Funds the sellers, posts their ads, signs the buyers in and starts following the platform's events. */
    public void setUp() throws InterruptedException {
        long t0 = System.currentTimeMillis();
        platform.openMarket(FIAT, "0.01");
        for (int i = 0; i < sellerCount; i++) {
            String seller = "load-seller-" + run + "-" + i;
            platform.fund(seller, AD_QUANTITY);
            adIds.add(platform.postAd(seller, "SELL", FIAT, "1.35", AD_QUANTITY, "1.00", "1000.00", "BANK_TRANSFER"));
            sellerIds.add(seller);
        }
        for (int i = 0; i < buyerCount; i++) {
            buyerIds.add("load-buyer-" + run + "-" + i);
        }
        // Every buyer is created in Keycloak and signed in now, not on the sending thread at their first order.
        buyerIds.parallelStream().forEach(buyer -> Keycloak.person(buyer).token());
        awaitAdsActive(sellerIds);
        log("setup: %d sellers funded with %s USDT each, ads ACTIVE, %d buyers (%d s)", sellerCount, AD_QUANTITY,
                buyerCount, (System.currentTimeMillis() - t0) / 1000);
        listener = new Thread(this::listen, "events");
        listener.start();
        // The first order goes out only once the listener stands at the topics' ends: a TradeMatched
        // published before that would never be seen, and its trade never paid.
        if (!listenerReady.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the event listener did not reach the topics' ends within 60 s");
        }
    }

    /** Places orders at a fixed rate while {@code going} says so; returns once the last one is sent. */
    public void send(int rate, java.util.function.BooleanSupplier going) throws InterruptedException {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.currentTimeMillis();
        clock.scheduleAtFixedRate(() -> {
            if (stopped.get() || !going.getAsBoolean()) {
                stopped.set(true);
                return;
            }
            int n = sent.getAndIncrement();
            place(buyerIds.get(n % buyerIds.size()), adIds.get(n % adIds.size()));
            if (n % (rate * 10) == 0 && n > 0) {
                log("  %3d s: %d orders sent, %d trades completed", (System.currentTimeMillis() - start) / 1000, n,
                        completed.get());
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (!stopped.get()) {
            Thread.sleep(100);
        }
        clock.shutdown();
        clock.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Waits until every order sent has completed or failed, at most {@code max}; true if none is left. */
    public boolean drain(Duration max) throws InterruptedException {
        long deadline = System.currentTimeMillis() + max.toMillis();
        while (completed.get() + failed.get() < placed.size() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        return completed.get() + failed.get() >= placed.size();
    }

    public void stop() throws InterruptedException {
        listening.set(false);
        if (listener != null) {
            listener.join();
        }
        retryClock.shutdownNow();
    }

    /** Every order sent, with its timeline. */
    public List<Trade> trades() {
        synchronized (placed) {
            return new ArrayList<>(placed);
        }
    }

    public List<String> sellers() {
        return sellerIds;
    }

    public List<String> buyers() {
        return buyerIds;
    }

    public BigDecimal adQuantity() {
        return new BigDecimal(AD_QUANTITY);
    }

    public BigDecimal tradeQuantity() {
        return new BigDecimal(ORDER_FIAT).divide(new BigDecimal("1.35"), 6, java.math.RoundingMode.UNNECESSARY);
    }

    public int retried() {
        return retries.get();
    }

    /** Answers 500 or 501 (a bug: an outage must answer 503, ADR 0009), retried like an outage. */
    public int serverErrors() {
        return serverErrors.get();
    }

    public List<String> errors() {
        synchronized (errors) {
            return new ArrayList<>(errors);
        }
    }

    public Platform platform() {
        return platform;
    }

    /**
     * A buyer takes an ad picked from the listing (ads round-robin), as most C2C trades start; express
     * orders all go to the single best ad, i.e. one seller, which no real market looks like. Retried
     * through outages with the same Idempotency-Key, as a client would.
     */
    private void place(String buyer, String adId) {
        Trade trade = new Trade(buyer);
        trade.placedAt = System.currentTimeMillis();
        placed.add(trade);
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("side", "BUY", "asset", "USDT", "fiat", FIAT, "adId", adId, "mode",
                "AD_FIAT", "amount", ORDER_FIAT, "paymentMethod", "BANK_TRANSFER");
        retrying(() -> platform.order.postAsync("/api/v1/orders", As.user(buyer), body, key))
                .whenComplete((a, e) -> {
                    if (e != null || (a.status() != 201 && a.status() != 200)) {
                        fail("order: " + (e != null ? e : a.status() + " " + a.body()));
                    } else {
                        trade.orderId = a.text("id");
                        byOrder.put(trade.orderId, trade);
                    }
                });
    }

    /**
     * The call, again after a second while it meets an outage (no connection, a timeout, 429, 502, 503,
     * 504 and — counted, since it is a defect — 500), until it answers or the retry window ends.
     */
    private CompletableFuture<Api.Answer> retrying(java.util.function.Supplier<CompletableFuture<Api.Answer>> call) {
        CompletableFuture<Api.Answer> result = new CompletableFuture<>();
        attempt(call, System.currentTimeMillis() + retryWindow.toMillis(), result);
        return result;
    }

    private void attempt(java.util.function.Supplier<CompletableFuture<Api.Answer>> call, long deadline,
            CompletableFuture<Api.Answer> result) {
        CompletableFuture<Api.Answer> answer;
        try {
            answer = call.get(); // signing in (a token refresh) may fail at once while Keycloak is down
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((a, e) -> {
            boolean outage = e != null || a.status() == 429 || a.status() == 502 || a.status() == 503
                    || a.status() == 504 || a.status() == 500;
            if (a != null && a.status() == 500) {
                serverErrors.incrementAndGet();
                if (errors.size() < 100) {
                    errors.add("500: " + a.body());
                }
            }
            if (!outage || System.currentTimeMillis() > deadline) {
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(a);
                }
                return;
            }
            retries.incrementAndGet();
            retryClock.schedule(() -> attempt(call, deadline, result), 1, TimeUnit.SECONDS);
        });
    }

    /** Follows the platform's events; drives paid and confirm as each trade's funds are locked. */
    private void listen() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EventLog.BOOTSTRAP);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // The broker's work for this listener is the load generator's, not the platform's, yet load.sh counts the
        // broker as platform: asked every 5 ms, the listener sent 15 fetch requests per trade at 10 trades/s (of the
        // broker's 24 consumer fetches per trade) and 1.2 at 30/s. Fuller fetches (up to 64 KB or 100 ms): 0.9 and
        // 0.2. The latencies are the records' own timestamps, so waiting delays nothing measured; only the buyer's
        // "paid" goes out up to 100 ms later.
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, fetchWaitMs);
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, fetchMinBytes);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            // A trade's funds on their own topic (ADR 0019), and on wallet events from a platform before it.
            for (String topic : List.of(Topics.MATCHING_EVENTS, Topics.TRADE_FUNDS, Topics.WALLET_EVENTS,
                    Topics.ESCROW_EVENTS)) {
                consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            listenerReady.countDown();
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
            listenerFetches = fetchRequests(consumer);
        }
    }

    /** The fetch requests a consumer has sent so far (its own metric), or -1 when it has none. */
    private static long fetchRequests(KafkaConsumer<?, ?> consumer) {
        return consumer.metrics().entrySet().stream()
                .filter(m -> m.getKey().name().equals("fetch-total")
                        && m.getKey().group().equals("consumer-fetch-manager-metrics"))
                .mapToLong(m -> ((Number) m.getValue().metricValue()).longValue())
                .findFirst().orElse(-1);
    }

    /** Applies one event; false when it belongs to an order whose id is not known yet (retry later). */
    private boolean on(ConsumerRecord<String, String> r) {
        String type = header(r, "ce_type");
        if (r.key() != null && r.key().startsWith(POISON_KEY_PREFIX)) {
            return true; // a record the chaos suite injected to be dead-lettered
        }
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
                    t.matchedTrades.add(e.path("tradeId").asText());
                    if (t.tradeId != null) {
                        return true; // delivered again
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
        if (!t.acted.compareAndSet(false, true)) {
            return; // the event came twice (at-least-once delivery)
        }
        Api escrow = platform.escrow;
        retrying(() -> escrow.postAsync("/api/v1/trades/" + t.tradeId + "/paid", As.user(t.buyer), null, null))
                .thenCompose(paid -> {
                    if (paid.status() != 200) {
                        throw new IllegalStateException("paid: " + paid.status() + " " + paid.body());
                    }
                    return retrying(() -> escrow.postAsync("/api/v1/trades/" + t.tradeId + "/confirm",
                            As.user(t.seller), null, null));
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

    /** Prints the run's figures and the machine-readable RESULT line; false if the ledger is not balanced. */
    public boolean report(long start, long sendEnd, long end) {
        int total = placed.size();
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
        if (listenerFetches >= 0) {
            log("the tool's own events  %d fetch requests from its listener to the broker (%.2f per completed trade;"
                    + " the broker's CPU below includes serving them)", listenerFetches,
                    completed.get() == 0 ? 0.0 : (double) listenerFetches / completed.get());
        }
        if (retries.get() > 0) {
            log("calls retried          %d (outages answered 429/502/503/504 or no connection)", retries.get());
        }
        if (!errors.isEmpty()) {
            log("first errors: %s", errors().subList(0, Math.min(5, errors.size())));
        }
        log("RESULT trades_per_s=%.1f locked_p99_ms=%d matched_p99_ms=%d completed=%d ledger_balanced=%s",
                inWindow / window, pct(locked, 99), pct(matched, 99), completed.get(), balanced);
        return balanced;
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

    /** How long to wait after the last order for every order to complete or fail: C2C_LOAD_DRAIN_S, default 60. */
    static int drainSeconds() {
        return wholeNumberEnv("C2C_LOAD_DRAIN_S", 60, "seconds");
    }

    /**
     * The environment variable {@code name} as a whole number, 0 or more ({@code fallback} when unset or blank); any
     * other value stops the tool at once, naming the variable.
     */
    static int wholeNumberEnv(String name, int fallback, String unit) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number of " + unit + ", 0 or more: " + value);
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    static void log(String format, Object... args) {
        System.out.printf(format + "%n", args);
    }
}
