package com.c2c.e2e.chaos;

import com.c2c.e2e.EventLog;
import com.c2c.e2e.Platform.Balances;
import com.c2c.e2e.load.TradeLoad;
import com.c2c.e2e.load.TradeLoad.Trade;
import com.c2c.events.EventCatalog;
import com.c2c.events.EventType;
import com.c2c.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The chaos suite (issue 10, items 7 and 8): while {@link TradeLoad} drives complete trades through the
 * gateway, injects faults one after another — poison records on every input topic, SIGKILL of each service
 * (restarted at once), a Kafka restart, a PostgreSQL restart, Keycloak stopped for a while — and measures
 * for each fault how long until a trade <em>placed after the fault began</em> completes, counted from the
 * moment the fault ended (the kill itself; the broker or database being back). After the drain it checks
 * that every order reached COMPLETED (none stuck, none lost), that nothing happened twice (one trade per
 * order; every owner's balance exactly what the completed trades imply, so a posting applied twice or
 * missed shows), that the ledger is balanced per asset, and that every poison record was dead-lettered.
 * Prints one table and exits 1 on any loss, 2 when a recovery took longer than the limit (the 20 s goal in
 * the full run, none in the short one, or C2C_CHAOS_RECOVERY_LIMIT_S).
 * <p>
 * Usage: {@code ChaosRun short|full [trades-per-second] } from the project's root (deploy/local/chaos.sh).
 */
public final class ChaosRun {
    private static final Duration RECOVERY_GOAL = Duration.ofSeconds(20);
    private static final Duration RECOVERY_WAIT = Duration.ofSeconds(90);
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(120);
    private static final Path ROOT = Path.of(System.getProperty("c2c.root", "."));
    private static final Path PIDS = Path.of(System.getProperty("c2c.pids", ROOT.resolve(".local/pids").toString()));

    private final TradeLoad load;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<Outcome> outcomes = new ArrayList<>();
    private final Set<String> poisonKeys = new HashSet<>();

    /** How long after a fault's end the trades placed then are still looked at for the slowest one. */
    private static final Duration SLOWEST_WINDOW = Duration.ofSeconds(10);

    /** One injected fault: started and ended (epoch ms), and when a trade placed after its start completed. */
    record Outcome(String fault, long startedAt, long endedAt, String note, long recoveredAt) {
        long recoveryMs() {
            return recoveredAt == 0 ? -1 : Math.max(0, recoveredAt - endedAt);
        }

        /**
         * The longest placed → completed of the trades placed from the fault's start until 10 s after its end
         * (or the next fault, if that came sooner, so its trades are not counted here):
         * what the unluckiest trader waited. With one instance per service it is about the recovery plus the
         * fault's length; with replicas (C2C_REPLICAS) a kill stops only the killed instance's partitions, so
         * new trades may complete at once (recovery) while these still wait for the partitions to move.
         */
        long slowestTradeMs(List<Trade> trades, long nextFaultAt) {
            long until = Math.min(endedAt + SLOWEST_WINDOW.toMillis(), nextFaultAt);
            return trades.stream()
                    .filter(t -> t.placedAt() >= startedAt && t.placedAt() <= until)
                    .filter(t -> t.completedAt() > 0)
                    .mapToLong(t -> t.completedAt() - t.placedAt()).max().orElse(-1);
        }
    }

    /** A fault: does its damage and undoes it, returning a note (e.g. "ready after 9 s") and when it ended. */
    interface Fault {
        String name();

        Done inject(long startedAt) throws Exception;
    }

    /** @param endedAt when the fault was over (epoch ms): the kill itself, or the server back */
    record Done(String note, long endedAt) {
        static Done now(String note) {
            return new Done(note, System.currentTimeMillis());
        }
    }

    private ChaosRun(TradeLoad load) {
        this.load = load;
    }

    public static void main(String[] args) throws Exception {
        boolean full = args.length > 0 && args[0].equals("full");
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : (full ? 10 : 5);
        // The full run holds every recovery to the goal; the short one (in the test command, on a CI machine
        // whose JVMs are cold) fails only on loss unless C2C_CHAOS_RECOVERY_LIMIT_S sets a limit.
        String limit = System.getenv("C2C_CHAOS_RECOVERY_LIMIT_S");
        Duration recoveryLimit = limit != null ? Duration.ofSeconds(Long.parseLong(limit))
                : full ? RECOVERY_GOAL : Duration.ofDays(1);
        // A client retries (signing in too) for up to 5 minutes: on the loaded 2-core machine Keycloak, stopped for
        // 30 s, took up to 158 s more to start (docs/operations.md), and an order waiting for a token is not lost.
        TradeLoad load = new TradeLoad(full ? 20 : 10, full ? 200 : 50).retryWindow(Duration.ofSeconds(300));
        ChaosRun chaos = new ChaosRun(load);
        List<Fault> faults = full ? chaos.fullFaults() : chaos.shortFaults();
        System.exit(chaos.execute(faults, rate, recoveryLimit));
    }

    List<Fault> shortFaults() {
        return List.of(poison(), kill("wallet-service"), kill("escrow-service"));
    }

    List<Fault> fullFaults() {
        return List.of(poison(), kill("order-service"), kill("matching-service"), kill("wallet-service"),
                kill("escrow-service"), kill("chain-watcher"), restart("kafka"), restart("postgres"),
                pause("keycloak", Duration.ofSeconds(30)));
    }

    private int execute(List<Fault> faults, int rate, Duration recoveryLimit) throws Exception {
        load.setUp();
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread sender = new Thread(() -> {
            try {
                load.send(rate, sending::get);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sender");
        long start = System.currentTimeMillis();
        sender.start();
        say("chaos: %d faults at %d trades/s; load warming for 20 s", faults.size(), rate);
        Thread.sleep(20_000);
        for (Fault fault : faults) {
            long startedAt = System.currentTimeMillis();
            say("chaos: %s", fault.name());
            Done done = fault.inject(startedAt);
            String note = done.note();
            long endedAt = done.endedAt();
            long recoveredAt = awaitCompletion(startedAt, endedAt, endedAt + RECOVERY_WAIT.toMillis());
            Outcome o = new Outcome(fault.name(), startedAt, endedAt, note, recoveredAt);
            outcomes.add(o);
            say("chaos:   %s; %s", note, recoveredAt == 0 ? "no trade placed after it completed within "
                    + RECOVERY_WAIT.toSeconds() + " s" : "trades complete again " + seconds(o.recoveryMs()) + " after");
            awaitCaughtUp(); // each fault is measured on its own, not on the backlog the previous one left
        }
        sending.set(false);
        sender.join();
        long sendEnd = System.currentTimeMillis();
        say("chaos: all faults injected; draining (at most 180 s)");
        load.drain(Duration.ofSeconds(180));
        long end = System.currentTimeMillis();
        load.stop();
        load.report(start, sendEnd, end);
        return verdict(recoveryLimit);
    }

    /**
     * The broker time of the first TradeCompleted at or after {@code ended} of an order placed at or after
     * {@code began}, or 0: a trade that went all the way through the platform after the fault hit it.
     */
    private long awaitCompletion(long began, long ended, long deadline) throws InterruptedException {
        while (System.currentTimeMillis() < deadline) {
            long first = load.trades().stream()
                    .filter(t -> t.placedAt() >= began && t.completedAt() > 0 && t.completedAt() >= ended)
                    .mapToLong(Trade::completedAt).min().orElse(0);
            if (first > 0) {
                return first;
            }
            Thread.sleep(200);
        }
        return 0;
    }

    /**
     * Waits until the platform has worked off what a fault left behind (every trade placed more than 3 s ago
     * completed, as a trade takes well under a second when nothing is behind), at most 120 s, then 5 s more.
     * A fixed pause was not enough at 10 trades/s: a kill left a backlog of minutes' worth of trades that was
     * still being applied when the next fault came, and that fault's recovery then measured both.
     */
    private void awaitCaughtUp() throws InterruptedException {
        long from = System.currentTimeMillis(), deadline = from + CATCH_UP_WAIT.toMillis();
        long behind;
        do {
            Thread.sleep(500);
            long placedBefore = System.currentTimeMillis() - 3_000;
            behind = load.trades().stream().filter(t -> t.placedAt() > 0 && t.placedAt() < placedBefore)
                    .filter(t -> t.completedAt() == 0).count();
        } while (behind > 0 && System.currentTimeMillis() < deadline);
        say("chaos:   %s", behind == 0 ? "caught up " + seconds(System.currentTimeMillis() - from) + " later"
                : behind + " trades still behind after " + CATCH_UP_WAIT.toSeconds() + " s; going on");
        Thread.sleep(5_000);
    }

    private int verdict(Duration recoveryLimit) {
        List<Trade> trades = load.trades();
        int unplaced = 0, lost = 0, stuck = 0, duplicated = 0, completed = 0;
        List<String> problems = new ArrayList<>();
        Map<String, Integer> completedBySeller = new HashMap<>();
        Map<String, BigDecimal> receivedByBuyer = new HashMap<>();
        BigDecimal quantity = load.tradeQuantity();
        for (Trade t : trades) {
            if (t.orderId() == null) {
                unplaced++;
                note(problems, "order of " + t.buyer() + " placed at " + Instant.ofEpochMilli(t.placedAt())
                        + " was never accepted");
            } else if (t.tradeId() == null) {
                lost++;
                note(problems, "order " + t.orderId() + " accepted, no trade");
            } else if (t.completedAt() == 0) {
                stuck++;
                note(problems, "trade " + t.tradeId() + " (order " + t.orderId() + ") not completed");
            } else {
                completed++;
                completedBySeller.merge(t.seller(), 1, Integer::sum);
                receivedByBuyer.merge(t.buyer(), quantity.subtract(t.fee()), BigDecimal::add);
            }
            if (t.tradesMatched() > 1) {
                duplicated++;
                note(problems, "order " + t.orderId() + " matched " + t.tradesMatched() + " trades");
            }
        }
        // Every owner's USDT is exactly what the completed trades imply: a posting applied twice (or lost) shows.
        int balanceMismatches = 0;
        if (stuck == 0 && lost == 0) {
            for (String seller : load.sellers()) {
                Balances b = load.platform().balances(seller);
                BigDecimal expected = load.adQuantity()
                        .subtract(quantity.multiply(BigDecimal.valueOf(completedBySeller.getOrDefault(seller, 0))));
                if (b.total().compareTo(expected) != 0) {
                    balanceMismatches++;
                    note(problems, "seller " + seller + " holds " + b.total().toPlainString() + " USDT, expected "
                            + expected.toPlainString());
                }
            }
            for (String buyer : load.buyers()) {
                Balances b = load.platform().balances(buyer);
                BigDecimal expected = receivedByBuyer.getOrDefault(buyer, BigDecimal.ZERO);
                if (b.total().compareTo(expected) != 0) {
                    balanceMismatches++;
                    note(problems, "buyer " + buyer + " holds " + b.total().toPlainString() + " USDT, expected "
                            + expected.toPlainString());
                }
            }
        }
        duplicated += balanceMismatches;
        boolean balanced = true;
        for (JsonNode asset : load.platform().totals()) {
            balanced &= asset.path("balanced").asBoolean();
        }
        Set<String> deadLettered = deadLetteredPoison();
        int notDeadLettered = (int) poisonKeys.stream().filter(k -> !deadLettered.contains(k)).count();

        System.out.println();
        System.out.printf("%-28s %10s %-34s %12s  %-12s %s%n", "fault", "at (s)", "what happened", "recovery",
                "goal <= 20 s", "slowest trade placed during it or 10 s after");
        long t0 = outcomes.isEmpty() ? 0 : outcomes.get(0).startedAt();
        boolean slow = false;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            long ms = o.recoveryMs();
            boolean met = ms >= 0 && ms <= RECOVERY_GOAL.toMillis();
            slow |= ms < 0 || ms > recoveryLimit.toMillis();
            long slowest = o.slowestTradeMs(trades, i + 1 < outcomes.size() ? outcomes.get(i + 1).startedAt() : Long.MAX_VALUE);
            System.out.printf("%-28s %10.1f %-34s %12s  %-12s %s%n", o.fault(), (o.startedAt() - t0) / 1000.0, o.note(),
                    ms < 0 ? "none in " + RECOVERY_WAIT.toSeconds() + " s" : seconds(ms), met ? "met" : "MISSED",
                    slowest < 0 ? "-" : seconds(slowest));
        }
        System.out.println();
        System.out.printf("trades: %d orders sent, %d completed, %d stuck, %d lost, %d duplicated, %d never accepted%n",
                trades.size(), completed, stuck, lost, duplicated, unplaced);
        System.out.printf("calls retried through outages: %d; answers 500: %d; ledger balanced per asset: %s%n",
                load.retried(), load.serverErrors(), balanced);
        System.out.printf("poison records: %d injected, %d dead-lettered, %d not%n", poisonKeys.size(),
                poisonKeys.size() - notDeadLettered, notDeadLettered);
        problems.stream().limit(20).forEach(p -> System.out.println("  - " + p));
        load.errors().stream().limit(5).forEach(e -> System.out.println("  error: " + e));
        boolean loss = unplaced + lost + stuck + duplicated > 0 || !balanced || notDeadLettered > 0
                || load.serverErrors() > 0;
        System.out.printf("CHAOS faults=%d trades=%d stuck=%d lost=%d duplicated=%d unplaced=%d balanced=%s "
                + "poison_not_dead_lettered=%d max_recovery_ms=%d%n", outcomes.size(), trades.size(), stuck, lost,
                duplicated, unplaced, balanced, notDeadLettered,
                outcomes.stream().mapToLong(Outcome::recoveryMs).max().orElse(0));
        return loss ? 1 : slow ? 2 : 0;
    }

    // ---- faults ----

    /** Three records no consumer can apply, on every topic the services consume: unreadable, unknown type, invalid. */
    private Fault poison() {
        return new Fault() {
            public String name() {
                return "poison on every input topic";
            }

            public Done inject(long startedAt) throws Exception {
                Properties p = new Properties();
                p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EventLog.BOOTSTRAP);
                p.put(ProducerConfig.ACKS_CONFIG, "all");
                // Per topic a type some consumer applies (a type every consumer of a topic ignores is
                // skipped unread, rightly: it is no poison to them).
                Map<String, EventType<?>> sample = Map.of(Topics.ORDER_EVENTS, EventCatalog.ORDER_PLACED,
                        Topics.MATCHING_EVENTS, EventCatalog.TRADE_MATCHED,
                        Topics.WALLET_COMMANDS, EventCatalog.LOCK_FUNDS,
                        Topics.WALLET_EVENTS, EventCatalog.WALLET_COMMAND_REJECTED,
                        Topics.TRADE_FUNDS, EventCatalog.FUNDS_LOCKED,
                        Topics.ESCROW_EVENTS, EventCatalog.TRADE_COMPLETED,
                        Topics.CHAIN_EVENTS, EventCatalog.DEPOSIT_CONFIRMED);
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                        new StringSerializer())) {
                    for (String topic : Topics.CONSUMED) {
                        String type = sample.containsKey(topic) ? sample.get(topic).name() : "c2c.chaos.Unknown";
                        send(producer, topic, type, "{not json");
                        send(producer, topic, "c2c.chaos.NoSuchType", "{}");
                        send(producer, topic, type, "{}");
                    }
                    producer.flush();
                }
                return Done.now(poisonKeys.size() + " records on " + Topics.CONSUMED.size() + " topics");
            }

            private void send(KafkaProducer<String, String> producer, String topic, String type, String data)
                    throws Exception {
                String key = TradeLoad.POISON_KEY_PREFIX + run + "-" + poisonKeys.size();
                poisonKeys.add(key);
                ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, data);
                r.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(UUID.randomUUID().toString()))
                        .add("ce_type", bytes(type)).add("ce_source", bytes("chaos")).add("content-type",
                                bytes("application/json"));
                producer.send(r).get();
            }
        };
    }

    /** SIGKILL of a service's recorded process, restarted at once by services.sh. */
    private Fault kill(String service) {
        return new Fault() {
            public String name() {
                return "SIGKILL " + service;
            }

            public Done inject(long startedAt) throws Exception {
                String instance = victim(service);
                long pid = Long.parseLong(Files.readString(PIDS.resolve(instance + ".pid")).trim());
                ProcessHandle process = ProcessHandle.of(pid)
                        .orElseThrow(() -> new IllegalStateException(instance + " (PID " + pid + ") is not running"));
                if (!instance.equals(service)) {
                    say("chaos:   the instance killed is %s (it leads the engine)", instance);
                }
                process.destroyForcibly(); // SIGKILL
                process.onExit().get();
                long killed = System.currentTimeMillis();
                script("services.sh", "start", service); // at once; recovery counts from the kill
                return new Done("ready again after " + seconds(System.currentTimeMillis() - startedAt), killed);
            }
        };
    }

    /**
     * The instance to kill: the service's first one (with replicas the others take its partitions), but for
     * the matching engine the instance that leads (ADR 0017): killing a standby would test nothing.
     */
    private static String victim(String service) {
        if (!service.equals("matching-service")) {
            return service;
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int n = 1; n <= 3; n++) {
            String instance = n == 1 ? service : service + "-" + n;
            if (!Files.exists(PIDS.resolve(instance + ".pid"))) {
                continue;
            }
            try {
                var ready = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + (8082 + 10 * (n - 1)) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return instance;
                }
            } catch (IOException | InterruptedException e) {
                // not this one
            }
        }
        return service;
    }

    /** A graceful restart of an infrastructure server (kafka, postgres) through its own script. */
    private Fault restart(String server) {
        return new Fault() {
            public String name() {
                return "restart " + server;
            }

            public Done inject(long startedAt) throws Exception {
                script(server + ".sh", "stop");
                long down = System.currentTimeMillis();
                script(server + ".sh", "start");
                return Done.now("down " + seconds(System.currentTimeMillis() - down) + ", back after "
                        + seconds(System.currentTimeMillis() - startedAt));
            }
        };
    }

    /** A server stopped for a while, then started again. */
    private Fault pause(String server, Duration downFor) {
        return new Fault() {
            public String name() {
                return "stop " + server + " " + downFor.toSeconds() + " s";
            }

            public Done inject(long startedAt) throws Exception {
                script(server + ".sh", "stop");
                Thread.sleep(downFor.toMillis());
                script(server + ".sh", "start");
                return Done.now("back after " + seconds(System.currentTimeMillis() - startedAt));
            }
        };
    }

    private static void script(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("deploy/local").resolve(name).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(ROOT.resolve(".local/logs/chaos-scripts.log").toFile()))
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue()
                    + "); see .local/logs/chaos-scripts.log");
        }
    }

    /** Keys of this run's poison records found on the dead-letter topic. */
    private Set<String> deadLetteredPoison() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EventLog.BOOTSTRAP);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Set<String> found = new HashSet<>();
        String prefix = TradeLoad.POISON_KEY_PREFIX + run + "-";
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.DEAD_LETTERS).forEach(i -> partitions.add(new TopicPartition(i.topic(),
                    i.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline
                    && partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && r.key().startsWith(prefix)) {
                        found.add(r.key());
                    }
                });
            }
        }
        return found;
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < 1000) {
            problems.add(problem);
        }
    }

    private static String seconds(long ms) {
        return String.format("%.1f s", ms / 1000.0);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void say(String format, Object... args) {
        System.out.printf("[%s] " + format + "%n", prepend(Instant.now().toString().substring(11, 19), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
